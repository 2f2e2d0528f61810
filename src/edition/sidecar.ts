import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import type { EditionMeta } from "../types.ts";
import { SourceError } from "./errors.ts";

const FIELDS: Record<keyof EditionMeta, "string" | "number"> = {
  publication: "string",
  date: "string",
  page: "string",
  pageNumber: "number",
  description: "string",
};
const REQUIRED: (keyof EditionMeta)[] = ["publication", "date", "page"];

/** Read a YAML file into a plain object, with YAML's own errors turned into `file:line` messages. */
export function readYaml(file: string): { value: unknown; lineOf: (key: string) => number | undefined } {
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, "utf8"), { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new SourceError(file, `not valid YAML: ${error.message.split("\n")[0]}`, line);
  }
  const lineOf = (key: string) => {
    const contents = document.contents as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null;
    const pair = contents?.items?.find((item) => item.key?.value === key);
    const offset = pair?.key?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return { value: document.toJS(), lineOf };
}

/** The sidecar `NAME.meta.yaml` an editor writes beside a source page: publication, date and page. */
export function readMeta(file: string): EditionMeta {
  const { value, lineOf } = readYaml(file);
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new SourceError(file, "expected keys such as `publication:`, `date:` and `page:`", 1);
  }
  const record = value as Record<string, unknown>;
  for (const [key, given] of Object.entries(record)) {
    const expected = FIELDS[key as keyof EditionMeta];
    if (!expected) throw new SourceError(file, `unknown key \`${key}\` (known: ${Object.keys(FIELDS).join(", ")})`, lineOf(key));
    if (typeof given !== expected) throw new SourceError(file, `\`${key}\` should be a ${expected}`, lineOf(key));
  }
  for (const key of REQUIRED) {
    if (typeof record[key] !== "string" || (record[key] as string).trim() === "") throw new SourceError(file, `\`${key}\` is missing`);
  }
  const date = record.date as string;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new SourceError(file, `\`date\` should be a date written YYYY-MM-DD, not "${date}"`, lineOf("date"));
  }
  return record as unknown as EditionMeta;
}
