import type {Paragraph, Root, Sentence as NlcstSentence, Nodes as NlcstNodes} from 'nlcst'
import type {VFile} from 'vfile'

/** How loudly a rule reports. `off` disables it. */
export type Severity = 'off' | 'suggestion' | 'warning' | 'error'

/** Input syntaxes the engine understands. */
export type InputFormat = 'markdown' | 'html' | 'text'

/** A half-open range of UTF-16 offsets into the source text. */
export interface Span {
  start: number
  end: number
}

/** A heading and the headings above it. */
export interface Section {
  /** Heading text, `''` before the first heading. */
  title: string
  /** Titles from the outermost heading down to this one. */
  path: string[]
  /** Heading depth (1–6), 0 before the first heading. */
  depth: number
  /** Whether this section or one above it is an action-item section. */
  isActionSection: boolean
  /** The heading block, if any. */
  heading?: Block
}

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell'

/** A run of prose: one heading, paragraph, list-item paragraph or table cell. */
export interface Block {
  kind: BlockKind
  /** nlcst paragraph holding the block's sentences, with source positions. */
  tree: Paragraph
  /** The block's text as the rules see it (markup removed). */
  text: string
  /** Where the block sits in the source. */
  span: Span
  section: Section
  /** Inside a blockquote (often pasted chat). */
  quoted: boolean
}

/** One sentence, with the block and section it belongs to. */
export interface Sentence {
  node: NlcstSentence
  text: string
  block: Block
  section: Section
}

export type ActionItemKind = 'list' | 'task' | 'table' | 'line'

/** A cell of an action-item table row, or the whole item for other kinds. */
export interface ActionItemField {
  text: string
  span: Span
}

/**
 * A short list item without a verb whose nested items are all action items
 * ("Ledger", "Short term:"): it labels them and is not an action item itself.
 */
export interface ActionItemGroup {
  text: string
  span: Span
  /** The list item without its nested lists, where an owner or ticket for all its items may be written. */
  extent: Span
  /** The group this label is nested in. */
  group?: ActionItemGroup
}

/** A follow-up action, as the engine detects them. */
export interface ActionItem {
  kind: ActionItemKind
  /** The action's own text (the action column of a table row; without an `AI:` prefix). */
  text: string
  /** Span of the action text. */
  span: Span
  /**
   * The whole item in the source, markup, code and link targets included: the
   * list item without its nested lists, the table row, or the `AI:` line.
   */
  extent: Span
  /** Blocks holding the action text. */
  blocks: Block[]
  /** Sentences of the action text. */
  sentences: Sentence[]
  /**
   * Table columns by lower-cased header (`owner`, `ticket`…); for list items,
   * nested field items such as "Owner: @kim" by lower-cased name.
   */
  columns: Record<string, ActionItemField>
  /** Task-list state: `true`/`false` for `[x]`/`[ ]`, `undefined` otherwise. */
  checked?: boolean
  /** List nesting depth, 0 for top-level items and non-list kinds; group labels are not a level. */
  depth: number
  /** The group label the item is listed under ("Ledger" in "- Ledger\n  - Add…"). */
  group?: ActionItemGroup
  section: Section
}

/**
 * The document model handed to rules: a whole document, or one part of a
 * long one. A long document is linted part by part (about
 * `LintOptions.partSize` characters of prose each, cut between top-level
 * blocks), so that its trees need not all be in memory at once; offsets and
 * `source` are always the whole document's.
 */
export interface Document {
  format: InputFormat
  /** The full source text. */
  source: string
  /** nlcst root: one paragraph per block, in source order. */
  tree: Root
  blocks: Block[]
  sentences: Sentence[]
  /** The sections whose heading is in this part (the first part also has the one before any heading). */
  sections: Section[]
  actionItems: ActionItem[]
}

/** An option a rule accepts. */
export type OptionType = 'boolean' | 'number' | 'string' | 'string[]'

export interface OptionSpec {
  type: OptionType
  default: boolean | number | string | readonly string[]
  description: string
  /** Smallest allowed value, for numbers. */
  minimum?: number
}

/** What a rule declares about itself. */
export interface RuleMeta {
  /** Kebab-case rule id, e.g. `no-human-error`. */
  id: string
  /** One line: what the rule flags. */
  description: string
  /** Link to the rule's documentation. */
  url: string
  /** Severity when a preset turns the rule on. */
  severity: Exclude<Severity, 'off'>
  /** Whether the `recommended` preset turns the rule on. */
  recommended: boolean
  /** Options with their defaults. */
  options: Record<string, OptionSpec>
  /**
   * `document` when a message concerns the whole document (a count, a missing
   * section) rather than the line it points at: `--diff` then reports it
   * whenever the document changed, not only when that line did.
   */
  scope?: 'document'
}

/** Options as a rule receives them: every declared key, validated, defaults filled in. */
export type RuleOptions = Record<string, unknown>

/** Settings shared by every rule. */
export interface Settings {
  /** Names and handles of people on the team (treated as people by the blame rules). */
  people: string[]
}

/** A problem a rule found. */
export interface Report {
  /** Where: nlcst node(s), or a span of source offsets. */
  node?: NlcstNodes | NlcstNodes[]
  span?: Span
  /** What was found, why it matters, what to do instead. */
  message: string
  /** The offending text; defaults to the source text at the range. */
  actual?: string
  /**
   * The text the rule found, when the range covers more so that a
   * replacement reads well ("human error" in "a human error"); `allow`
   * entries are matched against it too.
   */
  found?: string
  /** Replacements to offer (`''` means "remove"). */
  expected?: string[]
  /** Longer explanation. */
  note?: string
}

export interface RuleContext<Options extends RuleOptions = RuleOptions> {
  options: Options
  settings: Settings
  report(report: Report): void
}

/**
 * How a rule checks one document: `part` is called with each of its parts in
 * source order, then `finish`. A rule whose judgement needs the whole
 * document (a count, a definition anywhere) collects facts in `part` and
 * reports in `finish`, as ESLint rules do on `Program:exit`.
 */
export interface RuleListener {
  part(document: Document): void
  finish?(): void
}

/** A rule: metadata, and a check that only reports (state lives in the listener, for one document). */
export interface Rule<Options extends RuleOptions = RuleOptions> {
  meta: RuleMeta
  /** Called before a document's parts (again if the document has to be parsed again, as plain text). */
  create(context: RuleContext<Options>): RuleListener
}

/** A rule's configuration as written by a user. */
export type RuleEntry =
  | Severity
  | 0
  | 1
  | 2
  | 'warn'
  | 'info'
  | [Severity | 0 | 1 | 2 | 'warn' | 'info', Record<string, unknown>?]

/** The contents of a configuration file. */
export interface ConfigData {
  preset?: 'recommended' | 'all' | 'none'
  rules?: Record<string, RuleEntry>
  people?: string[]
  /** Phrases (matched against a message's `actual`, case-insensitively) or rule ids to accept. */
  allow?: string[]
  overrides?: Array<{files: string | string[]} & Omit<ConfigData, 'overrides' | 'preset'>>
}

/** A rule's effective configuration. */
export interface RuleSetting {
  severity: Severity
  options: RuleOptions
}

/** Configuration after presets, overrides and validation. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>
  settings: Settings
  allow: string[]
}

export interface LintOptions {
  format?: InputFormat
  /** Path of the file, for format detection and `overrides`. */
  filePath?: string
  config?: ResolvedConfig
  /** About how many characters of prose each part of a long document holds (see `Document`). */
  partSize?: number
}

export type {VFile}
