import { isAbsolute, relative } from "node:path";

/**
 * A problem with one source or its sidecars, reported to editors as `file:line: message`. When a
 * file has several problems at once (e.g. three stale corrections), the first carries the others.
 */
export class SourceError extends Error {
  readonly others: SourceError[];

  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    options: { others?: SourceError[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SourceError";
    this.others = options.others ?? [];
  }

  /** One error standing for all of `errors` (at least one). */
  static all(errors: readonly SourceError[]): SourceError {
    const [first, ...rest] = errors;
    if (!first) throw new Error("SourceError.all needs at least one error");
    return new SourceError(first.file, first.message, first.line, { others: [...first.others, ...rest] });
  }

  override toString(): string {
    const own = oneLine(`${displayPath(this.file)}${this.line ? `:${this.line}` : ""}: ${this.message}`);
    return [own, ...this.others.map(String)].join("\n");
  }
}

/** Paths under the working folder are shown relative to it: shorter, and what the editor typed. */
export function displayPath(file: string): string {
  if (!isAbsolute(file)) return oneLine(file);
  const inside = relative(process.cwd(), file);
  return oneLine(inside !== "" && !inside.startsWith("..") && !isAbsolute(inside) ? inside : file);
}

/** Line breaks and controls (a file named `a\nb.txt`, a YAML key `"\e[2J"`) written as escapes: a message stays one line, and the terminal's own. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}
