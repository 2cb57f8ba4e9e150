// `--cache`: the messages of each file, kept with a key made of everything
// they depend on — the file's text, its input format, its resolved
// configuration and blamelint's version — so an unchanged file is not linted
// again, and any change to one of those lints it afresh.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {formatFromPath, type Linter} from 'blamelint'
import {storeMessage, type StoredMessage} from './messages.js'
import type {LintJob} from './workers.js'

/** Where the cache lives unless `--cache-location` says otherwise (relative to the working directory). */
export const defaultCacheLocation = 'node_modules/.cache/blamelint/cache.json'

interface Entry {
  key: string
  messages: StoredMessage[]
}

interface CacheFile {
  entries: Record<string, Entry>
}

export class LintCache {
  private changed = false

  private constructor(
    readonly location: string,
    private readonly entries: Record<string, Entry>
  ) {}

  /** Read the cache at `location`; a missing or unreadable one starts empty. */
  static load(location: string): LintCache {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as CacheFile
      if (data && typeof data.entries === 'object' && data.entries !== null) return new LintCache(location, data.entries)
    } catch {
      // Missing or corrupt: lint everything and write a new one.
    }
    return new LintCache(location, {})
  }

  /** The key of a job's messages. */
  static key(job: LintJob, linter: Linter, version: string): string {
    const format = job.format ?? formatFromPath(job.filePath) ?? 'markdown'
    return createHash('sha256')
      .update(`${version}\0${format}\0${JSON.stringify(linter.configFor(job.filePath))}\0`)
      .update(job.text)
      .digest('base64url')
  }

  get(path: string, key: string): StoredMessage[] | undefined {
    const entry = this.entries[path]
    return entry?.key === key ? entry.messages : undefined
  }

  set(path: string, key: string, messages: StoredMessage[]): void {
    this.entries[path] = {key, messages}
    this.changed = true
  }

  /** The cache's text, when it changed (entries of files not linted in this run are kept). */
  serialize(): string | undefined {
    return this.changed ? JSON.stringify({entries: this.entries} satisfies CacheFile) : undefined
  }
}

export interface CacheRun {
  linter: Linter
  version: string
  /** The cache file. */
  location: string
  /** Lints the jobs the cache has no messages for. */
  lint: (jobs: LintJob[]) => Promise<StoredMessage[][]>
  write: (text: string) => void
  warn: (text: string) => void
}

/** Messages for every job: from the cache when its key matches, else linted (and then cached). */
export async function lintWithCache(jobs: LintJob[], run: CacheRun): Promise<StoredMessage[][]> {
  const cache = LintCache.load(run.location)
  const keys = jobs.map((job) => LintCache.key(job, run.linter, run.version))
  const messages = jobs.map((job, index) => cache.get(job.filePath, keys[index]))
  const missing = jobs.flatMap((_, index) => (messages[index] ? [] : [index]))
  const linted = await run.lint(missing.map((index) => jobs[index]))
  missing.forEach((index, at) => {
    messages[index] = linted[at]
    cache.set(jobs[index].filePath, keys[index], linted[at].map(storeMessage))
  })
  const text = cache.serialize()
  if (text !== undefined) {
    try {
      run.write(text)
    } catch (error) {
      run.warn(`${(error as Error).message}; the next --cache run lints these files again`)
    }
  }
  return messages as StoredMessage[][]
}
