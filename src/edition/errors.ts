/** A problem with one source or its sidecars, reported to editors as `file:line: message`. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "SourceError";
  }

  override toString(): string {
    return `${this.file}${this.line ? `:${this.line}` : ""}: ${this.message}`;
  }
}
