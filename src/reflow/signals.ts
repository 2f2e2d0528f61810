// Signals of a story's edges that any news page shows: a dateline or lead opens a story; an author
// note, a signature or a jump line closes one; numbering marks a section heading.
import type { Unit } from "../types.ts";
import { namesIn, splitNames } from "./bylines.ts";

/** A letter-spaced line (`织 得 更 密`): four single characters or more parted by spaces. */
export const LETTER_SPACED = /(?:^|\s)(?:\S\s){3,}\S(?:\s|$)/u;

/** Numbered in place: `一、` `（一）` `1.`… */
export const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、．.](?![0-9]))/u;

/** `本报讯`, `本报北京11月28日电`, `新华社北京11月28日电`, `据新华社电`, `某某网…电`: a news story's first words
 *  (an agency's dateline names a place or date before `电`: `年上网电量` is none). */
const DATELINE = /^(?:据)?(?:本报讯|本报[^，。]{0,20}?电|[^，。\s（(]{1,6}(?:社|网|台|报)[^，。（(]{1,20}?电)|^据[^，。\s（(]{1,6}(?:社|网|台|报)电/u;
/** The reporters a dateline names: `（记者 张三 通讯员 李四）`, `记者王五报道`. */
const DATELINE_CREDIT = /^[\s]*[（(]([^）)]{1,60})[）)]|^[\s]*((?:(?:本报|特约|见习)*(?:记者|通讯员)\s*[\p{Script=Han}\s、]{2,30}?)\s*报道)/u;
/** A jump line (`（下转第二版）`) or an end mark (`（完）`). */
const JUMP_OR_END = /[（(]\s*(?:(?:下转|紧转|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版|完)\s*[）)]$/u;
/** Posts that name writers in a dateline's credit. */
const POST = /(?:本报|特约|见习)*(?:记者|通讯员|实习生)/gu;

export function opensWithDateline(text: string): boolean {
  return mayOpenWithDateline(text) && DATELINE.test(text);
}

/** Every dateline names `电` (a wire) or `讯` (`本报讯`) within its first 56 code units (at most 1 + 6 + 1 + 20 characters
 *  of two units each, then `电`): a text with neither there opens with none, told by its codes before the pattern is
 *  tried (most lines and paragraphs of a page are asked). */
function mayOpenWithDateline(text: string): boolean {
  const end = Math.min(text.length, DATELINE_REACH);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === WIRE || code === NEWS) return true;
  }
  return false;
}
const DATELINE_REACH = 56;
/** `电`, `讯`. */
const [WIRE, NEWS] = [0x7535, 0x8baf];

/** The writers a dateline names (`本报讯（记者 张三 通讯员 李四）…` → 张三, 李四). */
export function datelineAuthors(text: string): string[] {
  const dateline = mayOpenWithDateline(text) ? DATELINE.exec(text) : null;
  if (!dateline) return [];
  const credit = DATELINE_CREDIT.exec(text.slice(dateline[0].length));
  const inside = credit?.[1] ?? credit?.[2]?.replace(/报道$/u, "");
  if (!inside || !POST.test(inside)) return [];
  POST.lastIndex = 0;
  // loops, not `flatMap`: V8 runs flatMap on a generic slow path, about ten times a loop's cost (a story's dateline each)
  const authors: string[] = [];
  for (const part of inside.split(POST)) for (const name of namesIn(part.replace(/报道/u, ""))) for (const split of splitNames(name)) if (/^\p{Script=Han}{2,4}$/u.test(split)) authors.push(split);
  return authors;
}

/** The unit ends its story: an author's note, a signature, a jump line or an end mark. */
export function closesStory(unit: Unit): boolean {
  // the page model asks this at every step: only a text ending in a parenthesis is tried against the
  // pattern, which would otherwise be tried from every parenthesis of a long paragraph
  // (its last code read, no one-character string made)
  const last = unit.text.charCodeAt(unit.text.length - 1);
  return unit.role === "authorNote" || unit.role === "signature" || ((last === 0xff09 || last === 0x29) && JUMP_OR_END.test(unit.text));
}

/** An editor's run-in note (`编者按：`), tried only on a text opening with `编`. */
const EDITORS_NOTE = /^编者按[：:]/u;
const EDITOR = 0x7f16;

/** The unit opens a story: a dateline, or an editor's run-in note. */
export function opensStory(unit: Unit): boolean {
  return unit.role === "paragraph" && (opensWithDateline(unit.text) || (unit.text.charCodeAt(0) === EDITOR && EDITORS_NOTE.test(unit.text)));
}

/** Numbered in place (`一、`, `（一）`, `1.`): a section of an article, not a story's title. */
export function isNumbered(text: string): boolean {
  return NUMBERED.test(text);
}
