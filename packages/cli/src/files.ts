// Turning command-line paths into files to lint, and reading them safely.
import {readFileSync, statSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {BlamelintError} from 'blamelint'
import {glob, isDynamicPattern} from 'tinyglobby'

/** Extensions linted when a directory is given. */
export const defaultExtensions = ['md', 'markdown', 'txt', 'html']

const alwaysSkipped = ['**/node_modules/**', '**/.git/**']

export interface IgnoreFile {
  /** Whether `path` (absolute) is ignored. */
  ignores(path: string): boolean
}

/** Load `.blamelintignore` (gitignore syntax), relative to its directory. */
export function loadIgnore(cwd: string, ignorePath?: string): IgnoreFile {
  const path = resolve(cwd, ignorePath ?? '.blamelintignore')
  let text = ''
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (ignorePath !== undefined) throw new BlamelintError(`cannot read ignore file: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`, ignorePath)
  }
  const matcher: Ignore = ignore().add(text)
  const base = dirname(path)
  return {
    ignores(file) {
      const rel = relative(base, file)
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false
      return matcher.ignores(rel.split(sep).join('/'))
    }
  }
}

const display = (cwd: string, file: string) => {
  const rel = relative(cwd, file)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file
}

/**
 * Expand paths, directories and globs into files, in a stable order. Files
 * named explicitly are linted whatever their extension; a path that does not
 * exist, or a directory or glob that matches nothing, is an error.
 */
export async function expandPaths(paths: string[], cwd: string, ignored: IgnoreFile): Promise<string[]> {
  const files = new Set<string>()
  const pattern = `**/*.{${defaultExtensions.join(',')}}`
  for (const input of paths) {
    const absolute = resolve(cwd, input)
    let stats
    try {
      stats = statSync(absolute)
    } catch {
      stats = undefined
    }
    let found: string[]
    if (stats?.isFile()) {
      found = [absolute]
    } else if (stats?.isDirectory()) {
      found = (await glob(pattern, {cwd: absolute, absolute: true, ignore: alwaysSkipped, followSymbolicLinks: false, expandDirectories: false})).sort()
      found = found.filter((file) => !ignored.ignores(file))
      if (found.length === 0) throw new BlamelintError(`no .${defaultExtensions.join('/.')} files in this directory`, input)
    } else if (isDynamicPattern(input)) {
      found = (await glob(input, {cwd, absolute: true, ignore: alwaysSkipped, followSymbolicLinks: false, expandDirectories: false})).sort()
      found = found.filter((file) => !ignored.ignores(file))
      if (found.length === 0) throw new BlamelintError('no files match this pattern', input)
    } else {
      throw new BlamelintError('no such file or directory', input)
    }
    for (const file of found) files.add(file)
  }
  return [...files].map((file) => display(cwd, file))
}

export interface ReadResult {
  text?: string
  /** Why the file was skipped or needed repair, for a note. */
  warning?: string
}

/** Read a file as text: binary files are skipped, invalid UTF-8 is repaired. */
export async function readText(path: string, cwd: string): Promise<ReadResult> {
  let buffer: Buffer
  try {
    buffer = await readFile(resolve(cwd, path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? 'cannot read'
    throw new BlamelintError(`cannot read file: ${reason}`, path)
  }
  return decode(buffer)
}

/** Decode bytes as UTF-8 text (BOM removed); flag binary content. */
export function decode(buffer: Uint8Array): ReadResult {
  if (buffer.subarray(0, 8000).includes(0)) return {warning: 'binary file (contains NUL bytes), skipped'}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(buffer)}
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(buffer),
      warning: 'invalid UTF-8; undecodable bytes were replaced with U+FFFD'
    }
  }
}
