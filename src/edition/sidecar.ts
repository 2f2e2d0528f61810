import { type Document, LineCounter, isMap, isScalar, parseDocument, visit } from "yaml";
import type { EditionMeta } from "../types.ts";
import { readTextFile, uncarriableInText } from "./decode.ts";
import { SourceError } from "./errors.ts";

/** Sidecars are a few lines; anything near this size is the wrong file. */
const MAX_SIDECAR_BYTES = 256 * 1024;

type FieldKind = "text" | "date" | "page number";

const FIELDS: Record<keyof EditionMeta, FieldKind> = {
  publication: "text",
  date: "date",
  page: "text",
  pageNumber: "page number",
  description: "text",
};
const REQUIRED: (keyof EditionMeta)[] = ["publication", "date", "page"];

export interface YamlFile {
  file: string;
  value: unknown;
  /** 1-based line of the node at a path of keys and indexes, for messages. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  notices: string[];
}

/** Read a YAML file, with YAML's own errors turned into `file:line` messages. An empty file is an empty document. */
export function readYaml(file: string): YamlFile {
  const decoded = readTextFile(file, { limit: { bytes: MAX_SIDECAR_BYTES, of: "a sidecar (a few lines): is it the right file?" }, allowBlank: true });
  const lineCounter = new LineCounter();
  const document = parseDocument(decoded.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    throw new SourceError(file, `not valid YAML: ${error.message.split("\n")[0]}`, line);
  }
  const lineOf = (path: readonly (string | number)[]) => {
    const offset = nodeOffset(document, path);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  keepScalarsAsWritten(document);
  return { file, value: expandAliases(document, file, lineCounter), lineOf, notices: decoded.notices };
}

/**
 * Editors write text, and `page: 08`, `1.20`, `0x1F` or `.inf` are text as printed: YAML's number
 * and boolean readings would change them (8, 1.2, 31, Infinity). Only null (an empty value) stays.
 */
function keepScalarsAsWritten(document: Document.Parsed): void {
  visit(document, {
    Scalar(_, node) {
      if (node.value !== null && typeof node.value !== "string" && node.source !== undefined) node.value = node.source;
    },
  });
}

/** The document as plain data; aliases that expand without bound (a "billion laughs") are refused at the first alias. */
function expandAliases(document: Document.Parsed, file: string, lineCounter: LineCounter): unknown {
  try {
    return document.toJS();
  } catch (error) {
    let line: number | undefined;
    visit(document, {
      Alias(_, node) {
        line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
        return visit.BREAK;
      },
    });
    const reason = error instanceof ReferenceError ? "aliases (`*name`) that expand into far too much data" : (error as Error).message;
    throw new SourceError(file, `cannot be read: ${reason}; write the values out instead`, line, { cause: error });
  }
}

/** Where a path's node starts; for a map key, where the key is written (its value may be on later lines). */
function nodeOffset(document: Document.Parsed, path: readonly (string | number)[]): number | undefined {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    if (isScalar(pair?.key)) return pair.key.range?.[0];
  }
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0];
}

/** The sidecar `NAME.meta.yaml` an editor writes beside a source page: publication, date and page. */
export function readMeta(file: string): { meta: EditionMeta; notices: string[] } {
  const yaml = readYaml(file);
  if (yaml.value === null || yaml.value === undefined) {
    throw new SourceError(file, "the sidecar is empty: it needs `publication:`, `date:` and `page:`", 1);
  }
  const meta = checkMeta(yaml.value, yaml, []);
  for (const key of REQUIRED) {
    if (meta[key] === undefined) throw new SourceError(file, `\`${key}\` is missing: add a line \`${key}: ${example(key)}\``);
  }
  return { meta: meta as EditionMeta, notices: yaml.notices };
}

/**
 * Check metadata fields at `path` in a YAML file (the whole sidecar, or the `meta:` overrides of a
 * corrections file): known keys, the right kinds, real dates. Text stays as written, even when it looks like a number.
 */
export function checkMeta(value: unknown, yaml: YamlFile, path: readonly string[]): Partial<EditionMeta> {
  const where = path.length > 0 ? `\`${path.join(".")}\`` : "the sidecar";
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SourceError(yaml.file, `${where} should be keys such as \`publication:\`, \`date:\` and \`page:\``, yaml.lineOf(path) ?? 1);
  }
  const meta: Partial<Record<keyof EditionMeta, string | number>> = {};
  for (const [key, given] of Object.entries(value)) {
    const line = yaml.lineOf([...path, key]);
    const field = key as keyof EditionMeta;
    // own keys only: `toString` or `constructor` are not fields
    const kind = Object.hasOwn(FIELDS, key) ? FIELDS[field] : undefined;
    if (!kind) throw new SourceError(yaml.file, `unknown key \`${key}\`${suggestion(key)} (known: ${Object.keys(FIELDS).join(", ")})`, line);
    if (given === null || given === "") throw new SourceError(yaml.file, `\`${key}\` is empty: ${key}: ${example(field)}`, line);
    meta[field] = checkField(field, kind, given, yaml.file, line);
  }
  return meta as Partial<EditionMeta>;
}

function checkField(key: keyof EditionMeta, kind: FieldKind, given: unknown, file: string, line: number | undefined): string | number {
  if (kind === "page number") {
    if (typeof given !== "string" || !/^\d+$/u.test(given.trim()) || Number(given) < 1) throw new SourceError(file, `\`${key}\` should be a whole number from 1, not ${JSON.stringify(given)}`, line);
    return Number(given);
  }
  if (typeof given !== "string" || given.trim() === "") throw new SourceError(file, `\`${key}\` should be text, e.g. ${key}: ${example(key)}`, line);
  const uncarriable = uncarriableInText(given);
  if (uncarriable) throw new SourceError(file, `\`${key}\` holds ${uncarriable}: write the text without it`, line);
  if (kind === "date" && !isCalendarDate(given)) {
    throw new SourceError(file, `\`date\` should be a real date written YYYY-MM-DD (e.g. 2025-06-30), from ${EARLIEST_YEAR} to next year, not "${given}"`, line);
  }
  return given.trim();
}

/** Dates before this year (0000-01-01) or after next year are typing mistakes, which feeds would print as nonsense. */
const EARLIEST_YEAR = 1800;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < EARLIEST_YEAR || year > new Date().getUTCFullYear() + 1) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  // Date.parse accepts 2022-02-30 (as 2 March); a real date reads back unchanged
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** A known key that differs from the unknown one only in case, `_` or `-`. */
function suggestion(key: string): string {
  const fold = (name: string) => name.toLowerCase().replace(/[-_\s]/gu, "");
  const known = Object.keys(FIELDS).find((name) => fold(name) === fold(key));
  return known ? ` (did you mean \`${known}\`?)` : "";
}

function example(key: keyof EditionMeta): string {
  return { publication: "人民政协报", date: "2025-06-30", page: "第4版 · 机关建设", pageNumber: "4", description: "…" }[key];
}
