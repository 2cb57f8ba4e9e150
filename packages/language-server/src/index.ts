export {codeActions, type CodeActionOptions} from './actions.js'
export {formatOf, lintDocument, pathOf, toDiagnostic, type DiagnosticData} from './diagnostics.js'
export {startServer, version, type InitializationOptions} from './server.js'
