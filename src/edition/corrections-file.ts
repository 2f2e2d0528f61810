// Reading `NAME.corrections.yaml`: metadata overrides and a list of corrections, each checked
// for its shape and remembered with its line, so that a failing correction can be pointed at.
import type { EditionMeta } from "../types.ts";
import { BLOCK_OPERATIONS, type Correction, FIELD_OPERATIONS } from "./corrections.ts";
import { SourceError } from "./errors.ts";
import { type YamlFile, checkMeta, readYaml } from "./sidecar.ts";

export interface CorrectionsFile {
  file: string;
  meta: Partial<EditionMeta>;
  corrections: Correction[];
  notices: string[];
}

/** How each correction is written, for messages. */
const FORMS: Record<string, string> = {
  join: `join: {after: "last words of the first paragraph"}`,
  split: `split: {before: "first words of the new paragraph"}`,
  "new-story": `new-story: "the headline line"`,
  merge: `merge: "words of the story's title"`,
  ...Object.fromEntries(Object.keys(FIELD_OPERATIONS).map((op) => [op, `${op}: "words of the line"  or  ${op}: {text: "words of the line", story: "words of the story's title"}`])),
  ...Object.fromEntries([...Object.keys(BLOCK_OPERATIONS), "credit"].map((op) => [op, `${op}: "words of the line"`])),
};

export function readCorrections(file: string): CorrectionsFile {
  const yaml = readYaml(file);
  const result: CorrectionsFile = { file, meta: {}, corrections: [], notices: yaml.notices };
  if (yaml.value === null || yaml.value === undefined) return result;
  if (typeof yaml.value !== "object" || Array.isArray(yaml.value)) {
    throw new SourceError(file, "expected `meta:` and/or `corrections:` (a list), as in the README", 1);
  }
  const { meta, corrections, ...unknown } = yaml.value as Record<string, unknown>;
  const stray = Object.keys(unknown)[0];
  if (stray !== undefined) {
    const hint = Object.hasOwn(FORMS, stray) ? ` (corrections go in a list under \`corrections:\`, e.g. \`- ${FORMS[stray]}\`)` : "";
    throw new SourceError(file, `unknown key \`${stray}\`: a corrections file has \`meta:\` and \`corrections:\`${hint}`, yaml.lineOf([stray]));
  }
  if (meta !== undefined && meta !== null) result.meta = checkMeta(meta, yaml, ["meta"]);
  if (corrections === undefined || corrections === null) return result;
  if (!Array.isArray(corrections)) throw new SourceError(file, "`corrections:` should be a list, each item starting with `- `", yaml.lineOf(["corrections"]));
  const failures: SourceError[] = [];
  corrections.forEach((item: unknown, index) => {
    try {
      result.corrections.push(readCorrection(item, yaml, index));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      failures.push(error);
    }
  });
  if (failures.length > 0) throw SourceError.all(failures);
  return result;
}

function readCorrection(item: unknown, yaml: YamlFile, index: number): Correction {
  const line = yaml.lineOf(["corrections", index]);
  const fail = (message: string) => new SourceError(yaml.file, message, line);
  if (typeof item !== "object" || item === null || Array.isArray(item) || Object.keys(item).length !== 1) {
    throw fail(`each correction is one operation, e.g. \`- ${FORMS.join}\` (known: ${Object.keys(FORMS).join(", ")})`);
  }
  const [op, argument] = Object.entries(item)[0]!;
  const form = Object.hasOwn(FORMS, op) ? FORMS[op] : undefined;
  if (!form) throw fail(`unknown correction \`${op}\` (known: ${Object.keys(FORMS).join(", ")})`);
  const wrong = () => fail(`\`${op}\` is written \`- ${form}\``);
  const phrase = (value: unknown): string => {
    if (typeof value !== "string") throw wrong();
    if (value.trim() === "") throw fail(`\`${op}\` needs words of the page to find, not an empty phrase`);
    return value;
  };
  const fields = (value: unknown, allowed: readonly string[]): Record<string, unknown> => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw wrong();
    if (Object.keys(value).some((key) => !allowed.includes(key))) throw wrong();
    return value as Record<string, unknown>;
  };
  switch (op) {
    case "join":
      return { op, after: phrase(fields(argument, ["after"]).after), line };
    case "split":
      return { op, before: phrase(fields(argument, ["before"]).before), line };
    case "new-story":
    case "subheading":
    case "caption":
    case "paragraph":
    case "credit":
      return { op, text: phrase(argument), line };
    case "merge":
      return { op, story: phrase(argument), line };
    default: {
      const fieldOp = op as keyof typeof FIELD_OPERATIONS;
      if (typeof argument !== "object" || argument === null) return { op: fieldOp, text: phrase(argument), line };
      const given = fields(argument, ["text", "story"]);
      const text = phrase(given.text);
      return given.story === undefined ? { op: fieldOp, text, line } : { op: fieldOp, text, story: phrase(given.story), line };
    }
  }
}
