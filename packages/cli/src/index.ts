export {main, version, type Io} from './cli.js'
export {formatters, formatterNames, type FileResult, type FormatContext, type Formatter} from './formatters/index.js'
