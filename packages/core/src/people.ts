// Who a sentence names: proper names ("Dylan", "Anna Two"), handles
// (`@dylan`, `dylanone@`), e-mail addresses, Slack (`<@U024BE7LH>`) and Jira
// (`[~dylan]`) mentions, and the team roster (`settings.people`). The blame
// rules tie these people to what the sentence says they did.
//
// Handles and the roster are found lexically. A capitalised word is judged
// against compromise's lexicon, which is loaded only when a sentence has one:
// a known first or last name is a person, a known English word is not
// ("Search", "Thanks", "Rollback" as roll + back), and an unknown word is a
// name unless it reads as a system (a known product or `notPeople`, after
// "the", before "team" or "cluster").
import type {SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {SentenceMemo} from './memo.js'
import {nlp} from './nlp.js'
import {lastBelow} from './search.js'
import {nodeNear} from './siblings.js'
import type {Sentence} from './types.js'

export type PersonKind = 'name' | 'roster' | 'handle' | 'email' | 'slack' | 'jira'

/** A specific person named in a sentence. */
export interface Person {
  kind: PersonKind
  /** Index of the first node in `sentence.node.children`. */
  start: number
  /** Index after the last node. */
  end: number
  nodes: SentenceContent[]
  /** As written, including a possessive `'s`. */
  text: string
  /** Written as a possessive: "Dylan's", "@dylan's". */
  possessive: boolean
}

export interface PeopleOptions {
  /** The team roster: names and handles that always denote a person. */
  people?: readonly string[]
  /** Capitalised names of systems, products and teams that are not people. */
  notPeople?: readonly string[]
}

/** Capitalised products and tools that read like names (several are in compromise's name list). */
const systems = new Set(
  (
    'kafka redis postgres postgresql mongo mongodb cassandra scylla elasticsearch opensearch kibana logstash grafana ' +
    'prometheus thanos loki tempo jaeger zipkin jenkins travis hudson argo argocd flux helm kubernetes docker podman ' +
    'terraform pulumi ansible chef puppet salt consul vault nomad envoy nginx apache istio linkerd traefik haproxy ' +
    'spinnaker bamboo buildkite circleci sentry datadog splunk honeycomb lightstep opsgenie pagerduty statuspage ' +
    'slack zoom teams jira confluence github gitlab bitbucket heroku vercel netlify cloudflare fastly akamai okta ' +
    'stripe twilio sendgrid zookeeper etcd celery sidekiq resque rabbitmq kinesis lambda aurora dynamo dynamodb ' +
    'spanner bigtable bigquery snowflake airflow spark hadoop hive presto trino vitess calico cilium karpenter keda ' +
    'dependabot renovate copilot windows linux ubuntu debian alpine android ios chrome firefox safari node python ' +
    'ruby rails django flask java kotlin scala rust julia ada elixir erlang phoenix laravel symfony spring tomcat ' +
    'jetty azure google amazon microsoft apple meta oracle ibm checkout billing payments search alexa siri cortex ' +
    'mimir memcached varnish squid bind unbound coredns kube minikube openshift rancher nexus artifactory harbor ' +
    'quay sonarqube gerrit phabricator bazel gradle maven npm yarn pnpm webpack vite cargo crates pypi rubygems ' +
    'concourse teamcity drone tekton velero fluentd fluentbit containerd systemd kubelet kubectl supabase firebase ' +
    'keycloak falco flagger kustomize skaffold tilt clickhouse cockroachdb yugabyte'
  ).split(' ')
)

/**
 * Closed-class words (pronouns, determiners, prepositions, conjunctions,
 * auxiliaries), capitalised at the start of a sentence but never names; ruling
 * them out needs no lexicon, which keeps `possiblePeople` tight.
 */
const closedClass = new Set(
  (
    'i we you he she it they me us him her them my our your his its their this that these those the a an some any ' +
    'no each every all both either neither none one another such what which who whom whose whoever there here ' +
    'in on at to for from by with without of into onto after before during since until while when where why how ' +
    'if then once as so but and or nor yet also however although though because between about around over under ' +
    'above below within across through despite instead meanwhile is was are were be been being has have had do ' +
    'does did will would can could should may might must not'
  ).split(' ')
)

/** Words after which a capitalised word names a thing: "the Checkout service". */
const determiners = new Set('the a an our their its this these those each every your any no some'.split(' '))

/** Nouns that make a capitalised word before them a system, team or organisation: "Redis cluster", "Chia Network". */
const systemNouns = new Set(
  (
    'team teams squad service services cluster clusters api apis job jobs pipeline pipelines database databases db bot ' +
    'bots app apps application server servers queue queues topic topics instance instances node nodes pod pods region ' +
    'regions channel channels dashboard dashboards config configs repo repository project library client clients ' +
    'worker workers proxy proxies gateway gateways platform stack account accounts org connector connectors broker ' +
    'brokers operator controller controllers plugin plugins version versions release releases deployment deployments ' +
    'console ui cli sdk agent agents daemon exporter rule rules alert alerts check checks table tables bucket buckets ' +
    'index shard shards replica replicas runner runners action actions workflow workflows build builds image images ' +
    'container containers chart charts module modules provider providers policy policies store cache site status ' +
    'feature features flag flags key keys endpoint endpoints integration integrations network networks foundation ' +
    'labs inc corp corporation company group guard software systems technologies cloud security bank university ' +
    'institute association council committee agency ltd llc'
  ).split(' ')
)

/** Group handles that address a channel, not a person. */
const groupHandles = /^(here|channel|everyone|all|team|oncall|on-call)$|[-_.]?(team|oncall|on-call|group|squad|bot)$/i

// Mentions inside a run of non-space characters. The possessive `'s` belongs
// to the person; trailing punctuation does not. Patterns that end at `@` or
// after it start only at a word's start and are bounded (as e-mail local
// parts and domain labels are), so a long run without a mention costs linear
// time, not a scan to its end from every letter.
const possessive = `(?:['’]s)?`
const mentionPatterns: Array<[Mention['kind'], RegExp]> = [
  ['slack', /<@[A-Z\d]+(?:\|[^<>]*)?>/g],
  ['jira', /\[~[\p{L}\d][\p{L}\d._-]*\]/gu],
  ['email', new RegExp(`(?<![\\p{L}\\d])[\\p{L}\\d][\\p{L}\\d._+-]{0,63}@[\\p{L}\\d-]{1,63}(?:\\.[\\p{L}\\d-]{1,63}){1,8}(?<![.])${possessive}`, 'gu')],
  ['handle', new RegExp(`(?<![\\p{L}\\d._-])@[\\p{L}\\d](?:[\\p{L}\\d._-]*[\\p{L}\\d])?${possessive}`, 'gu')],
  ['handle', new RegExp(`(?<![\\p{L}\\d])[\\p{L}\\d](?:[\\p{L}\\d._-]{0,62}[\\p{L}\\d])?@(?![\\p{L}\\d])${possessive}`, 'gu')]
]

/** A mention of a person (or, with `groups`, of a group) in text. */
export interface Mention {
  kind: Exclude<PersonKind, 'name' | 'roster'>
  /** Where it starts in the text. */
  index: number
  /** As written, with a possessive `'s`. */
  text: string
  /** The handle or address without `@`, brackets and possessive: "kim" for `@kim's`, "kim@example.com". */
  name: string
}

/**
 * The mentions in `text`: Slack and Jira mentions, e-mail addresses and
 * handles (`@kim`, `kim@`), in that order; one inside another ("@U024BE7LH"
 * in "<@U024BE7LH>") is left out. Group handles (`@here`, `@platform-team`)
 * address no person and are left out unless `groups` is set.
 */
export function mentionsIn(text: string, {groups = false} = {}): Mention[] {
  // Every pattern needs an `@` or a `[~`: most sentences need no regular expression at all.
  if (!text.includes('@') && !text.includes('[~')) return []
  // Mentions kept so far, by start; they never overlap, so their ends are in order too.
  const kept: Mention[] = []
  const overlaps = (index: number, end: number) => {
    const before = kept[lastBelow(kept, end, (mention) => mention.index)]
    return before !== undefined && before.index + before.text.length > index
  }
  const found: Mention[] = []
  for (const [kind, pattern] of mentionPatterns) {
    const added: Mention[] = []
    for (const match of text.matchAll(pattern)) {
      const name = match[0].replace(/^[@<[~]+|[@>\]]+$|['’]s$/g, '').replace(/^@/, '')
      if (kind === 'handle' && !groups && groupHandles.test(name.replace(/@$/, ''))) continue
      if (!overlaps(match.index, match.index + match[0].length)) added.push({kind, index: match.index, text: match[0], name: name.replace(/@$/, '')})
    }
    for (const mention of added) {
      found.push(mention)
      kept.push(mention)
    }
    kept.sort((a, b) => a.index - b.index)
  }
  return found
}

const nameShape = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?|Mc\p{Lu}\p{Ll}+)$/u
const possessiveEnd = /(?:['’]s|s['’])$/

const baseOf = (text: string) => text.replace(/['’]s$/, '').replace(/(s)['’]$/, '$1')

const personTags = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person'])

type LexiconTags = string | string[] | undefined

let lexicon: Record<string, LexiconTags> | undefined

function lexiconTags(word: string): string[] | undefined {
  lexicon ??= (nlp().model() as {one: {lexicon: Record<string, LexiconTags>}}).one.lexicon
  const tags = lexicon[word]
  return tags === undefined ? undefined : Array.isArray(tags) ? tags : [tags]
}

const isEnglish = (word: string) => {
  const tags = lexiconTags(word)
  return tags !== undefined && !tags.some((tag) => personTags.has(tag))
}

/** How compromise's lexicon reads a lower-cased word. */
function wordKind(word: string): 'person' | 'english' | 'unknown' {
  const tags = lexiconTags(word)
  if (tags) return tags.some((tag) => personTags.has(tag)) ? 'person' : 'english'
  for (const stem of [word.replace(/(?:es|s|ed|ing)$/, ''), word.replace(/(?:s|d)$/, '')]) {
    if (stem !== word && isEnglish(stem)) return 'english'
  }
  // A compound of two English words is a common noun: rollback, failover, runbook.
  for (let cut = 3; cut <= word.length - 3; cut++) {
    if (isEnglish(word.slice(0, cut)) && isEnglish(word.slice(cut))) return 'english'
  }
  return 'unknown'
}

const isWord = (node: SentenceContent | undefined) => node?.type === 'WordNode'
const lower = (node: SentenceContent | undefined) => (node ? toString(node).toLowerCase().replace(/’/g, "'") : '')

function makePerson(children: SentenceContent[], kind: PersonKind, start: number, end: number): Person {
  const nodes = children.slice(start, end)
  const text = toString(nodes)
  return {kind, start, end, nodes, text, possessive: possessiveEnd.test(text)}
}

/** Normalised roster entries: words without `@`, lower-cased, and whether written capitalised. */
function rosterOf(people: readonly string[]): Array<{words: string[]; capitalised: boolean}> {
  return people
    .map((entry) => entry.trim().replace(/^@|@$/g, ''))
    .filter(Boolean)
    .map((entry) => ({words: entry.toLowerCase().split(/\s+/), capitalised: /^\p{Lu}/u.test(entry)}))
}

/** The run of nodes from `start` that matches a roster entry, if any. */
function rosterAt(children: SentenceContent[], start: number, roster: ReturnType<typeof rosterOf>): number | undefined {
  for (const entry of roster) {
    let at = start
    let matched = true
    for (const [index, word] of entry.words.entries()) {
      const node = children[at]
      const text = toString(node ?? '')
      const last = index === entry.words.length - 1
      const written = (last ? baseOf(text) : text).toLowerCase()
      if (!isWord(node) || written !== word || (entry.capitalised && !/^\p{Lu}/u.test(text))) {
        matched = false
        break
      }
      at = last ? at + 1 : nodeNear(children, at, 1)
    }
    if (matched) return at
  }
  return undefined
}

/** Whether the capitalised word at `index` names a person; without `judge`, whether it may (no lexicon). */
function isName(children: SentenceContent[], index: number, notPeople: Set<string>, judge: boolean): boolean {
  const text = toString(children[index])
  const base = baseOf(text)
  if (!nameShape.test(base)) return false
  const word = base.toLowerCase()
  if (closedClass.has(word) || systems.has(word) || notPeople.has(word)) return false
  if (determiners.has(lower(children[nodeNear(children, index, -1)]))) return false
  if (!possessiveEnd.test(text) && systemNouns.has(lower(children[nodeNear(children, index, 1)]))) return false
  return !judge || wordKind(word) !== 'english'
}

const cache = new WeakMap<Sentence, Map<string, Person[]>>()

/**
 * The people a sentence may name, found without compromise: like
 * `findPeople`, but capitalised words are not checked against the lexicon, so
 * "Thanks" or an unlisted product may be among them. Use it to rule a
 * sentence out cheaply before calling `findPeople`.
 */
export function possiblePeople(sentence: Sentence, options: PeopleOptions = {}): Person[] {
  return cached(sentence, options, false)
}

/**
 * The people a sentence names, in order. Loads compromise's lexicon when the
 * sentence has a capitalised word to judge. Results are cached per sentence.
 */
export function findPeople(sentence: Sentence, options: PeopleOptions = {}): Person[] {
  return cached(sentence, options, true)
}

/** People found by earlier lints (an editor re-lints on every edit), without their nodes. */
const memo = new SentenceMemo<Array<Omit<Person, 'nodes'>>>()

function cached(sentence: Sentence, options: PeopleOptions, judge: boolean): Person[] {
  const key = JSON.stringify([options.people ?? [], options.notPeople ?? [], judge])
  let bySettings = cache.get(sentence)
  const found = bySettings?.get(key)
  if (found) return found
  const kept = memo.get(sentence, key)
  const people = kept?.map((person) => ({...person, nodes: sentence.node.children.slice(person.start, person.end)})) ?? detect(sentence, options, judge)
  if (!kept) memo.set(sentence, people.map(({nodes, ...person}) => person), key)
  if (!bySettings) cache.set(sentence, (bySettings = new Map()))
  bySettings.set(key, people)
  return people
}

function detect(sentence: Sentence, options: PeopleOptions, judge: boolean): Person[] {
  const children = sentence.node.children
  const roster = rosterOf(options.people ?? [])
  const notPeople = new Set((options.notPeople ?? []).map((name) => name.toLowerCase()))
  const people: Person[] = []
  const taken = new Set<number>()

  // Mentions: find them in the text of each run of non-space nodes.
  let runStart = 0
  for (let index = 0; index <= children.length; index++) {
    if (index < children.length && children[index].type !== 'WhiteSpaceNode') continue
    const run = children.slice(runStart, index)
    const offsets: number[] = []
    let text = ''
    for (const node of run) {
      offsets.push(text.length)
      text += toString(node)
    }
    const claimed = new Set<number>()
    for (const mention of mentionsIn(text)) {
      const from = offsets.findLastIndex((offset) => offset <= mention.index)
      const to = offsets.findLastIndex((offset) => offset < mention.index + mention.text.length) + 1
      if (from < 0 || [...Array(to - from).keys()].some((step) => claimed.has(from + step))) continue
      for (let step = from; step < to; step++) claimed.add(step)
      const onRoster = roster.some((entry) => entry.words.join(' ') === mention.name.toLowerCase())
      people.push(makePerson(children, onRoster ? 'roster' : mention.kind, runStart + from, runStart + to))
      for (let step = from; step < to; step++) taken.add(runStart + step)
    }
    runStart = index + 1
  }

  // Roster names and proper names.
  for (let index = 0; index < children.length; index++) {
    if (!isWord(children[index]) || taken.has(index)) continue
    const rosterEnd = roster.length > 0 ? rosterAt(children, index, roster) : undefined
    if (rosterEnd !== undefined) {
      people.push(makePerson(children, 'roster', index, rosterEnd))
      index = rosterEnd - 1
      continue
    }
    if (!isName(children, index, notPeople, judge)) continue
    // A following capitalised word is part of the name: "Anna Two".
    let end = index + 1
    const next = nodeNear(children, index, 1)
    if (!possessiveEnd.test(toString(children[index])) && isWord(children[next]) && nameShape.test(baseOf(toString(children[next])))) {
      const word = baseOf(toString(children[next])).toLowerCase()
      if (systemNouns.has(word)) continue
      if (!systems.has(word) && !notPeople.has(word) && !systemNouns.has(lower(children[nodeNear(children, next, 1)]))) end = next + 1
    }
    people.push(makePerson(children, 'name', index, end))
    index = end - 1
  }

  return people.sort((a, b) => a.start - b.start)
}

/** Words that may stand between a subject and its predicate: "Dylan then accidentally deleted". */
const adjuncts = new Set(
  (
    'then also just later again still already never not soon once even only first finally somehow apparently ' +
    'had has have was were is are did does do would could should will may might must hadn\'t didn\'t ' +
    'wasn\'t weren\'t isn\'t doesn\'t don\'t haven\'t hasn\'t wouldn\'t couldn\'t shouldn\'t'
  ).split(' ')
)

const prepositions = new Set('on in at from of for with to by into onto via about under over through within without'.split(' '))

const isAdjunct = (node: SentenceContent) => {
  const word = lower(node)
  return adjuncts.has(word) || (/ly$/.test(word) && word.length > 4)
}

/**
 * The people who are the subject of the predicate starting at node `index`:
 * "Dylan forgot", "Dylan and @mei had not checked", "that Kim then skipped".
 * Adverbs and auxiliaries may stand between; anything else ends the search.
 */
export function subjectOf(sentence: Sentence, people: Person[], index: number): Person[] {
  const children = sentence.node.children
  let at = nodeNear(children, index, -1)
  while (at >= 0 && isWord(children[at]) && isAdjunct(children[at])) {
    if (people.some((person) => person.end === at + 1)) break
    at = nodeNear(children, at, -1)
  }
  const subjects: Person[] = []
  for (;;) {
    const person = people.find((candidate) => candidate.end === at + 1 && !candidate.possessive)
    // After a preposition a name is an object, not the subject: "the page on Immunefi did not list it".
    if (!person || prepositions.has(lower(children[nodeNear(children, person.start, -1)]))) break
    subjects.push(person)
    // "Dylan and Kim", "Dylan, Kim and Lee".
    const before = nodeNear(children, person.start, -1)
    const joiner = lower(children[before])
    if (joiner !== 'and' && joiner !== 'or' && joiner !== ',') break
    at = nodeNear(children, before, -1)
  }
  return subjects
}

/** The person whose mention starts at the first word at or after node `index` ("caused by Lee"). */
export function personAt(sentence: Sentence, people: Person[], index: number): Person | undefined {
  const children = sentence.node.children
  let at = index
  while (children[at]?.type === 'WhiteSpaceNode') at++
  return people.find((person) => person.start === at)
}
