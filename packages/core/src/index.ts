export type * from './types.js'
export {BlamelintError} from './errors.js'
export {defineRule, parseSeverity, resolveOptions, type OptionsOf} from './rule.js'
export {
  ConfigFinder,
  configFileNames,
  readConfigFile,
  resolveConfig,
  validateConfig,
  type LoadedConfig,
  type ResolveOptions
} from './config.js'
export {countBySeverity, formatFromPath, lintText, parseDocument, severityOf, withoutStackTrace} from './linter.js'
export {compareText} from './compare.js'
export {parseDirectives, isSuppressed, type Directive} from './control.js'
export {isMention} from './mention.js'
export {analyze, nlp, type Nlp, type NlpView} from './nlp.js'
export {
  findPhrases,
  loadPhraseTable,
  reportPhrases,
  wordText,
  type EntryWith,
  type PhraseEntry,
  type PhraseMatch,
  type PhraseMatchOf,
  type PhraseTable,
  type TableShape
} from './phrases.js'
export {isActionHeading, spanOf} from './parse/builder.js'
export {findPeople, mentionsIn, personAt, possiblePeople, subjectOf, type Mention, type PeopleOptions, type Person, type PersonKind} from './people.js'
export {
  complementAfter,
  isBoundary,
  isNominal,
  isVerbGroup,
  negatedBefore,
  nodesIn,
  phraseAfter,
  phraseAround,
  phraseBefore,
  subjectBefore,
  termRange,
  termsOf,
  textSpan,
  type NegationOptions,
  type Term,
  type TermRange
} from './terms.js'
export {isPersonTerm, namedTerms, referentOf, type Referent} from './referents.js'
export {actionLead, actionPhraseFields, findActionPhrases, reportActionMatches, reportActionPhrases, type ActionLead, type ActionPhraseEntry, type ActionPhraseMatch, type ActionPhraseOptions, type ReportActionPhraseOptions} from './action-items.js'
export {findCounterfactuals, infinitiveOf, type Counterfactual} from './counterfactuals.js'
export {actionWords, hasVerb, isActionVerb} from './verbs.js'
export {loadData, loadWordLists, type FieldType, type FieldValue} from './data.js'
export {findRecurrences, uniteStretches, type Stretch} from './recurrence.js'
export {ownerColumn, refersToTicket, ticketColumn, ticketKey} from './references.js'
export {wordNear} from './siblings.js'
export {fill, findingOf, reportNodes, sourceText, type Finding} from './findings.js'
