// Turning command-line paths into files to lint, and reading them safely.
import {lstatSync, readFileSync, realpathSync, statSync} from 'node:fs'
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
    let failure: NodeJS.ErrnoException | undefined
    try {
      stats = statSync(absolute)
    } catch (error) {
      failure = error as NodeJS.ErrnoException
    }
    let found: string[]
    if (stats && !stats.isFile() && !stats.isDirectory()) {
      // A FIFO or a device would block or never end.
      throw new BlamelintError('not a regular file or directory', input)
    } else if (stats?.isFile()) {
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
      throw new BlamelintError(failure ? pathProblem(failure, absolute) : 'no such file or directory', input)
    }
    for (const file of found) files.add(file)
  }
  return [...files].map((file) => display(cwd, file))
}

/** Why a path the user named cannot be used. */
function pathProblem(error: NodeJS.ErrnoException, path: string): string {
  switch (error.code) {
    case 'ENOENT':
      try {
        if (lstatSync(path).isSymbolicLink()) return 'a symbolic link to nothing'
      } catch {
        // Not there at all.
      }
      return 'no such file or directory'
    case 'ELOOP':
      return 'a symbolic link loop'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
      return 'no such file or directory (a part of the path is a file)'
    case 'ENAMETOOLONG':
      return 'the path is too long'
    default:
      return `cannot read: ${error.code ?? error.message}`
  }
}

export interface ReadResult {
  text?: string
  /** Why the file was skipped or needed repair, for a note. */
  warning?: string
  /** Why the file could not be read at all. */
  error?: string
}

/**
 * Read a file as text: binary files are skipped, invalid UTF-8 is repaired,
 * an unreadable file is an `error`. Synchronously: files are read one after
 * another, and each asynchronous read waits for a thread-pool round trip
 * (a fifth of an unchanged `--cache` run over 1,000 files was idle).
 */
export function readText(path: string): ReadResult {
  let buffer: Buffer
  try {
    buffer = readFileSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {error: `cannot read file: ${code === 'EISDIR' ? 'is a directory' : pathProblem(error as NodeJS.ErrnoException, path)}`}
  }
  return decode(buffer)
}

/**
 * Decode bytes as text: UTF-8 (byte-order mark removed), or UTF-16 when a
 * byte-order mark says so. Other bytes with a NUL in the first 8,000 are
 * binary, as git decides.
 */
export function decode(buffer: Uint8Array): ReadResult {
  const utf16 = buffer[0] === 0xff && buffer[1] === 0xfe ? 'utf-16le' : buffer[0] === 0xfe && buffer[1] === 0xff ? 'utf-16be' : undefined
  if (utf16) return strictly(buffer, utf16)
  if (buffer.subarray(0, 8000).includes(0)) return {warning: 'binary file (contains NUL bytes), skipped'}
  return strictly(buffer, 'utf-8')
}

function strictly(buffer: Uint8Array, encoding: string): ReadResult {
  try {
    return {text: new TextDecoder(encoding, {fatal: true}).decode(buffer)}
  } catch {
    return {
      text: new TextDecoder(encoding).decode(buffer),
      warning: `invalid ${encoding.toUpperCase()}; undecodable bytes were replaced with U+FFFD`
    }
  }
}

/**
 * A path or message as one printable line: control characters (a newline in
 * a file name, terminal escape sequences) and invisible direction overrides
 * are written as escapes.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The real path of `path` (links resolved), or `path` when it does not exist. */
export function realPath(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
