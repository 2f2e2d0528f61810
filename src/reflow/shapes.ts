// The shapes of newspaper furniture, recognisable on one line without its neighbours.
import type { DisplayShape } from "../types.ts";
import { ROLE_ENDING, isNameGap, isPersonName, namesIn } from "./bylines.ts";
import { hasPhotoCredit } from "./captions.ts";
import { allHan, characterCount, endsWithMark, hasAtMostCharacters } from "./text.ts";

/** Marks that Chinese papers print before a byline. */
const BYLINE_MARK = /^[□■◎]/u;
/** Role prefixes of a byline: 文/ (text by), 图/ (photo by), 摄, 记者 (reporter), 通讯员 (correspondent). */
const BYLINE_ROLE = /^(?:本报)?(?:文|图|摄影?|记者|特约记者|通讯员|作者)\s*[/／:：]/u;
/** A role printed alone, its names on the next line (`本报记者` / `张三`). */
const BARE_ROLE = /^(?:本报|特约|见习)*(?:记者|通讯员|实习生|作者|文|图|摄影)$/u;
/** How posts and trades end in Chinese (秘书长, 主任, 书记, 委员, 记者, 教授…): a role before a name. */

/** Full-width punctuation that never appears in a byline's role part. */
const SENTENCE_PUNCTUATION = /[，。；！？：,;!?“”"]/u;

/** "role name…": a unit and post, then one or more names (`石嘴山市政协秘书长 李小宏`, `本报记者 张三 李四`). */
function isRoleNameByline(text: string): boolean {
  // with no space there are no names after a role: most lines end here, not split into pieces
  if (!text.includes(" ") || SENTENCE_PUNCTUATION.test(text) || !hasAtMostCharacters(text, 48)) return false;
  // the first word and the rest, sliced at the first space (no destructuring of a split: that walks an iterator)
  const space = text.indexOf(" ");
  const role = text.slice(0, space);
  if (!role) return false;
  // Justified spread lines (`全 面 担 起`) look like padded names; a role reads as one word.
  // a parenthesis the role opens and does not close is a dateline's credit (`本报讯（记者 张三`), not a role
  // (the role is tested first: it is one short word, and most lines fail on it before their names are read)
  const balanced = countMarks(role, "（(") === countMarks(role, "）)");
  if (!(balanced && characterCount(role) >= 3 && ROLE_WORD.test(role) && ROLE_ENDING.test(role))) return false;
  const names = namesIn(text.slice(space + 1));
  return names.length > 0 && names.every((name) => characterCount(name) >= 2 && characterCount(name) <= 4 && allHan(name));
}
/** A role as one word: Han characters and the marks units are named with. */
const ROLE_WORD = /^[\p{Script=Han}、（）()·]+$/u;

/** `记者：…` opens an interview's question when a sentence follows: a byline's credit holds only names. */
function isCreditByline(text: string): boolean {
  if (!BYLINE_ROLE.test(text)) return false;
  const rest = text.replace(BYLINE_ROLE, "");
  if (SENTENCE_PUNCTUATION.test(rest) || characterCount(text) > 40) return false;
  // after a colon only names: `记者：张三`, not a question cut at the line's end (`记者：您提出了哪些`)
  return !/^(?:本报)?[^/／]*[:：]/u.test(text) || namesIn(rest).every((name) => characterCount(name) <= 4);
}

/** A unit and post alone (`市政协委员、律师事务所主任`), its name on the next line. */
export function isRoleLine(text: string): boolean {
  return !SENTENCE_PUNCTUATION.test(text) && characterCount(text) >= 3 && characterCount(text) <= 30 && /^[\p{Script=Han}、（）()·]+$/u.test(text) && ROLE_ENDING.test(text);
}

export function isByline(text: string): boolean {
  return BYLINE_MARK.test(text) || isCreditByline(text) || BARE_ROLE.test(text) || isRoleNameByline(text);
}

/** Names alone (`张三`, `张 三`, `张三 李四`): a signature or a byline's second line. */
export function isSignature(text: string): boolean {
  const names = namesIn(text);
  return names.length > 0 && names.length <= 3 && names.every(isPersonName);
}

/** A short line of a few characters (`张三`, `观察`, `委员论坛`): a signature, a byline's second line or a column label. */
export function isNameLine(text: string): boolean {
  // up to three names of up to four characters: a longer line, or one with a longer word, is not cut into names to find out
  if (hasMoreWordUnits(text, 3 * 4 * 2, 4 * 2)) return false;
  const names = namesIn(text);
  // most names are two or three characters; a four-character one (a double surname) stands alone
  const longest = names.length === 1 ? 4 : 3;
  return names.length > 0 && names.length <= 3 && names.every((name) => characterCount(name) >= 2 && characterCount(name) <= longest && allHan(name));
}

/** A running header or folio (`2025年11月28日 星期五 第3版 要闻`): the page's furniture, not a story's. */
const FOLIO = /第\s*[0-9０-９一二三四五六七八九十]+\s*版|星期[一二三四五六日天]|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/u;
/** Masthead furniture: the serial numbers (`CN 11-0001`, `邮发代号`, `总第…期`), the publisher (`…主管主办`),
 *  the paper's name in Latin capitals: every Chinese paper prints them, no story does. */
const MASTHEAD = /国内统一连续?出版物号|\bCN\s*\d{2}\s*-\s*\d{4}|邮发代号|^总第\s*\d+\s*期|主管\s*主办$|^[A-Z][A-Z&.' ]{3,}[A-Z]$/u;
/** A jump line (`（下转第二版）`, `（上接第一版）`): its story goes on, or came from, another page. */
const JUMP = /^[（(]\s*(?:下转|上接|紧转|紧接|转|接)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]$/u;

/** A whole line in parentheses: an author's note `（作者系…）` or the page's credits. */
export function isParenthesized(text: string): boolean {
  if (!opensWithParenthesis(text) || !endsWithMark(text, "）)")) return false;
  let depth = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    if ("（(".includes(chars[i]!)) depth++;
    if ("）)".includes(chars[i]!)) depth--;
    if (depth === 0 && i < chars.length - 1) return false;
  }
  return depth === 0;
}

/** More than `limit` code units of the text lie outside the separators `namesIn` splits names at (a character outside
 *  the BMP is two), or more than `wordLimit` in a row (a token that long is no name: most running-text lines end here)? */
function hasMoreWordUnits(text: string, limit: number, wordLimit: number): boolean {
  let count = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isNameGap(text.charCodeAt(i))) run = 0;
    else if (++count > limit || ++run > wordLimit) return true;
  }
  return false;
}

/** How often the text holds a mark (one, or its two forms: full-width and ASCII): counted by code, no match arrays per line. */
export function countMarks(text: string, marks: string): number {
  // (two constants, not an array destructured: its iteration made this per-line helper too long to inline)
  const a = marks.charCodeAt(0);
  const b = marks.charCodeAt(marks.length - 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === a || code === b) count++;
  }
  return count;
}

/** More of a mark (one, or its two forms) than of another in the text: the other counted only where the mark is
 *  there at all (most lines hold neither: one scan, not two). */
export function outnumbers(text: string, marks: string, others: string): boolean {
  const count = countMarks(text, marks);
  return count > 0 && count > countMarks(text, others);
}

/** The text's first character is an opening parenthesis, `（` or `(` (read by code: asked of most lines of a page). */
function opensWithParenthesis(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 0xff08 || first === 0x28;
}

/** Opens a parenthesis it does not close: the first line of a wrapped note. */
export function opensParenthesis(text: string): boolean {
  return opensWithParenthesis(text) && outnumbers(text, "（(", "）)");
}

/** A page's production credits: 责任编辑 (editor), 校对 (proofreader), 美编 and 版式 (layout). */
const PRODUCTION_CREDIT = /^(?:本版)?(?:责任编辑|责编|编辑|校对|美编|版式设计|版式|排版|组版|审核|监制|终审)\s*[:：]|^(?:本版编辑|责任编辑|责编|美编|校对)\s*\p{Script=Han}{2,4}(?:\s*(?:美编|校对|版式|编辑)\s*\p{Script=Han}{2,4})*$/u;

export function isJump(text: string): boolean {
  return opensWithParenthesis(text) && JUMP.test(text);
}

/** Patterns of the line tests below, made once (a literal in a function is a new object per call). */
const BRACKETED_KICKER = /^【[^】]{1,12}】$/u;
/** `【`, `—`, `-`. */
const [BRACKET, DASH, HYPHEN] = [0x3010, 0x2014, 0x2d];
const DASHES_FIRST = /^—{2,}|^-{2,}/u;
const DASHES_LAST = /(?:—{2,}|-{2,})$/u;

/** Running text: a stop or comma inside, no mark at either end. No furniture looks like this (checked first: most lines are such). */
function isPlainText(text: string): boolean {
  // the marks at either end are looked up by code: a regex `^…|…$` tries every position of the line, and
  // `charAt` makes a string of a Han character or mark
  return hasStopOrComma(text) && !isCodeOf(OPENING_MARKS, text.charCodeAt(0)) && !isCodeOf(DASHES, text.charCodeAt(text.length - 1)) && !isProductionCredit(text);
}
/** The codes of a string's characters (all in the BMP), marked in a table by code: read per line, a table is cheaper than a set. */
function codesOf(characters: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let k = 0; k < characters.length; k++) table[characters.charCodeAt(k)] = 1;
  return table;
}
/** The code is marked in the table (an empty text's code, NaN, is not). */
const isCodeOf = (table: Uint8Array, code: number) => table[code] === 1;
const OPENING_MARKS = codesOf("（(—-□■◎【");
/** The first characters of every production credit (`本版`, `责任编辑`, `编辑`, `校对`, `美编`, `版式`, `排版`, `组版`, `审核`, `监制`, `终审`). */
const CREDIT_OPENINGS = codesOf("本责编校美版排组审监终");

/** Characters every folio or masthead line holds one of (`第…版`, `星期`, `国内统一…`, `CN`, `邮发代号`, `主管主办`), or
 *  opens with (a date's digits, `总第`, the paper's Latin name): a line with none is neither, told by its codes. */
const FURNITURE_MARKS = codesOf("第星国C邮主");
const FURNITURE_OPENINGS = codesOf("0123456789总ABCDEFGHIJKLMNOPQRSTUVWXYZ");
function mayBeFurniture(text: string): boolean {
  if (isCodeOf(FURNITURE_OPENINGS, text.charCodeAt(0))) return true;
  for (let i = 0; i < text.length; i++) if (isCodeOf(FURNITURE_MARKS, text.charCodeAt(i))) return true;
  return false;
}

/** A page's production credit; its first character read by code first (most lines open with none of those). */
function isProductionCredit(text: string): boolean {
  return isCodeOf(CREDIT_OPENINGS, text.charCodeAt(0)) && PRODUCTION_CREDIT.test(text);
}
const DASHES = codesOf("—-");

export function markerShape(text: string): DisplayShape | undefined {
  if (isPlainText(text)) return undefined;
  // the marks a shape opens or ends with read by code before its pattern is tried (no one-character string made)
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (isJump(text)) return "jump";
  if (first === BRACKET && BRACKETED_KICKER.test(text)) return "kicker";
  if (mayBeFurniture(text) && (FOLIO.test(text) || MASTHEAD.test(text)) && characterCount(text) <= 60 && !hasStopOrComma(text)) return "folio";
  if ((first === DASH || first === HYPHEN) && DASHES_FIRST.test(text)) return "subtitle";
  if ((last === DASH || last === HYPHEN) && DASHES_LAST.test(text) && text.length > 4) return "kicker";
  if (isProductionCredit(text)) return "folio";
  if (isParenthesized(text)) return "note";
  if (isByline(text)) return "byline";
  if (isNameLine(text)) return "name";
  return undefined;
}

/** Ends with punctuation that keeps a sentence going or stops it: body text, not a headline. */
export function endsWithPunctuation(text: string): boolean {
  // the last character looked up by code: a regex `…$` tries every position of the text (an empty text's code is NaN)
  return isCodeOf(ENDING_PUNCTUATION, text.charCodeAt(text.length - 1));
}
const ENDING_PUNCTUATION = codesOf("，。、；：！？…,.;:!?");

/** A reporter's credit inside a line (`通讯员 谭成`). */
const REPORTER_NAMED = /(?:记者|通讯员)\s*\p{Script=Han}/u;

/** A speaker's label opening an interview's turn: `问：`, `记者：`, `王委员：`. */
const SPEAKER_LABEL = /^[^，。：、\s]{1,4}[：:]/u;

/** Punctuation inside a line that headlines in this kind of paper do not carry; nor a parenthesis left open, nor a credit (`通讯员 谭成`). */
export function hasSentencePunctuation(text: string): boolean {
  return hasRunningMarks(text) || SPEAKER_LABEL.test(text) || hasPhotoCredit(text) || REPORTER_NAMED.test(text);
}

/** The marks `hasRunningMarks` counts, by code. */
const [STOP, ELLIPSIS, ENUMERATION, OPENING, CLOSING, OPENING_QUOTE, CLOSING_QUOTE] = [1, 2, 3, 4, 5, 6, 7];
const RUNNING = new Uint8Array(0x10000);
for (const [characters, kind] of [["，。；！？", STOP], ["…", ELLIPSIS], ["、", ENUMERATION], ["（(", OPENING], ["）)", CLOSING], ["“", OPENING_QUOTE], ["”", CLOSING_QUOTE]] as const) {
  for (const ch of characters) RUNNING[ch.charCodeAt(0)] = kind;
}

/** A stop or comma (`，。；！？`), looked up by code. */
function hasStopOrComma(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (RUNNING[text.charCodeAt(i)] === STOP) return true;
  return false;
}

/**
 * A stop or comma, an ellipsis, a list of three items or more (`竹编、陶瓷、木雕`), or a parenthesis or
 * quotation opened and not closed: running text's marks, not a title's. One scan by code for all of them
 * (the line tests ask this of most lines), stopping at the first stop.
 */
function hasRunningMarks(text: string): boolean {
  let enumerations = 0;
  let openings = 0;
  let closings = 0;
  let openingQuotes = 0;
  let closingQuotes = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = RUNNING[text.charCodeAt(i)]!;
    if (kind === 0) continue;
    if (kind === STOP || kind === ELLIPSIS || (kind === ENUMERATION && ++enumerations === 2)) return true;
    if (kind === OPENING) openings++;
    else if (kind === CLOSING) closings++;
    else if (kind === OPENING_QUOTE) openingQuotes++;
    else if (kind === CLOSING_QUOTE) closingQuotes++;
  }
  return openings > closings || openingQuotes > closingQuotes;
}

/** A column label (`委员论坛`) is a word or two over a longer title; a line no shorter than the one under
 *  it is that title's first line (`橘子红了` / `果 农 笑 了`), two phrases set as one title, not a label. */
export function labelsTitle(label: string, title: string): boolean {
  return visibleCount(title) > visibleCount(label);
}
/** Characters but whitespace (a module function: under tsx each named closure made costs a `defineProperty`). */
const visibleCount = (text: string) => characterCount(text.replace(/\s/gu, ""));
