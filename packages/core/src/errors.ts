/**
 * A problem with the user's input, configuration or invocation: reported as
 * one line naming the file, with exit code 2, never as a stack trace.
 */
export class BlamelintError extends Error {
  readonly file: string | undefined

  constructor(message: string, file?: string) {
    super(file ? `${file}: ${message}` : message)
    this.name = 'BlamelintError'
    this.file = file
  }
}
