// A byline as the website shows it: the printed text, with every person it names turned into a link
// to their page and written without the typesetter's padding (`徐 勇` → `徐勇`), which is also how
// readers type a name into the search box.
import { authorUrl } from "./urls.ts";

export type BylinePart =
  | { kind: "text"; text: string }
  | { kind: "person"; name: string; url: string; role: "author" | "photographer" };

interface Named {
  name: string;
  role: "author" | "photographer";
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** The name as it may be printed: any whitespace allowed between its characters. */
function printedForm(name: string): RegExp {
  return new RegExp([...name].map(escapeRegExp).join("\\s*"), "gu");
}

/**
 * Split `byline` around the people it names, wherever each name is printed. A name the byline does
 * not contain (the reflow found it elsewhere) is appended, so every person still gets a link.
 */
export function bylineParts(byline: string | undefined, authors: readonly string[], photographers: readonly string[] = []): BylinePart[] {
  const text = byline ?? "";
  const people: Named[] = [...authors.map((name) => ({ name, role: "author" as const })), ...photographers.map((name) => ({ name, role: "photographer" as const }))];
  const found: { start: number; end: number; person: Named }[] = [];
  const missing: Named[] = [];
  // longer names first, so that 王玉 is not found inside 王玉标
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    const match = [...text.matchAll(printedForm(person.name))].find((m) => found.every((f) => m.index >= f.end || m.index + m[0].length <= f.start));
    if (match) found.push({ start: match.index, end: match.index + match[0].length, person });
    else missing.push(person);
  }
  found.sort((a, b) => a.start - b.start);
  const parts: BylinePart[] = [];
  let at = 0;
  for (const { start, end, person } of found) {
    if (start > at) parts.push({ kind: "text", text: text.slice(at, start) });
    parts.push(personPart(person));
    at = end;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  for (const person of people.filter((person) => missing.includes(person))) {
    if (parts.length > 0) parts.push({ kind: "text", text: " " });
    parts.push(personPart(person));
  }
  return parts;
}

function personPart(person: Named): BylinePart {
  return { kind: "person", name: person.name, url: authorUrl(person.name), role: person.role };
}
