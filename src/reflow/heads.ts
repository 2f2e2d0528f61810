// Story heads (kicker, title decks, subtitle, byline) gathered from the display lines printed
// together, and the page as a sequence of column text and clusters of heads.
import type { Head, PageItem, ReflowState, Unit } from "../types.ts";
import { isSignature, labelsTitle } from "./shapes.ts";
import { LETTER_SPACED, NUMBERED } from "./signals.ts";
import { characterCount } from "./text.ts";

/**
 * Two display lines printed one under the other, with no blank line between them; `spacing` 2 where
 * the extractor put a blank line after every line (blank lines mean nothing there).
 */
export function printedTogether(upper: Unit, lower: Unit, spacing = 1): boolean {
  return lower.firstLine > upper.lastLine && lower.firstLine <= upper.lastLine + spacing;
}

const join = (unit: Unit, next: Unit): Unit => ({ ...unit, text: `${unit.text} ${next.text}`, lastLine: next.lastLine });

/** Add a unit to a head if it fits where heads put it; false if it belongs elsewhere. */
function attach(head: Head, unit: Unit, spacing: number): boolean {
  const lastTitle = head.titles[head.titles.length - 1];
  switch (unit.role) {
    case "kicker":
      if (head.kicker || head.titles.length > 0) return false;
      head.kicker = unit;
      return true;
    case "headline":
      if (head.subtitle || head.byline) return false;
      if (lastTitle && !printedTogether(lastTitle, unit, spacing)) return false;
      head.titles.push(unit);
      return true;
    case "subtitle":
      if (head.subtitle || head.byline || !lastTitle) return false;
      head.subtitle = unit;
      return true;
    case "byline":
    case "signature":
      if (!lastTitle) return false;
      if (!head.byline && unit.role === "byline") head.byline = unit;
      // a second byline line under the first (`记者 张三` / `通讯员 李四`, `本报记者` / `张三`) continues it
      else if (head.byline && printedTogether(head.byline, unit, spacing)) head.byline = join(head.byline, unit);
      else return false;
      return true;
    default:
      return false;
  }
}

const isAnchored = (head: Head) => head.kicker !== undefined || head.subtitle !== undefined || head.byline !== undefined;

/**
 * Heads printed together share the text beside them: one cluster. Unless one of them has a kicker,
 * deck or byline, they may all be section headings instead.
 */
function clustersOf(heads: readonly Head[], opensPage: boolean, textFollows: boolean): PageItem[] {
  if (heads.length === 0) return [];
  // bare heads of several lines right before a story's head: section headings displaced to the end of their story
  const bare = heads.findIndex(isAnchored);
  const bareLines = heads.slice(0, Math.max(0, bare)).reduce((sum, head) => sum + head.titles.length + (head.kicker ? 1 : 0), 0);
  // numbered heads (`一、…`) before an unnumbered one are the text before's sections, never titles
  const numbered = heads.findIndex((head) => head.kicker !== undefined || !NUMBERED.test(head.titles[0]?.text ?? ""));
  const displaced = numbered > 0 ? heads.slice(0, numbered) : [];
  // loops, not `flatMap`: V8 runs flatMap on a generic slow path, about ten times a loop's cost (a flush per column of text)
  const headings: PageItem[] = [];
  for (const head of displaced) for (const section of numberedSections(head)) for (const unit of headingsOf(section)) headings.push({ kind: "unit", unit });
  // at the page's end the story's head after them must take the text before them: a letter-spaced line
  // among them is a title's (hardly ever a heading's), so they are titles sharing that text
  const titlesAtEnd = !textFollows && heads.slice(0, Math.max(0, bare)).some((head) => head.titles.some((unit) => LETTER_SPACED.test(unit.text)));
  if (bareLines >= DISPLACED_HEADINGS && bare > displaced.length && !titlesAtEnd) {
    // unnumbered, they may as well be titles displaced after their texts, or a lead story's kicker, title
    // and deck: the page model decides (would the text before them otherwise have no head?)
    const bareHeads = heads.slice(displaced.length, bare);
    const decked: Head[] = [];
    for (const head of bareHeads) decked.push(...withDecks(head, false, false));
    headings.push({ kind: "cluster", cluster: { heads: decked, anchored: false, headings: bareHeads } });
    return [...headings, ...clustersOf(heads.slice(bare), false, textFollows)];
  }
  const rest = heads.slice(displaced.length);
  const titled: Head[] = [];
  rest.forEach((head, k) => titled.push(...withDecks(head, opensPage && k === 0 && displaced.length === 0, k === rest.length - 1)));
  const only = titled.length === 1 ? titled[0]! : undefined;
  if (only && only.titles.length === 2 && !only.subtitle && !(only.kicker && only.byline)) {
    // two title lines: one two-line title, or the titles of two stories printed together (the page model
    // decides), a column label over them the first one's (a label, titles and byline are one story's head)
    const { kicker, ...under } = only;
    const split = [{ kicker, titles: only.titles.slice(0, 1) }, { ...under, titles: only.titles.slice(1) }];
    return [...headings, { kind: "cluster", cluster: { heads: split, anchored: split.some(isAnchored), merged: titled } }];
  }
  // a kicker that leads into its title says the line under it is one title; a column label heads either
  const pair = only && only.titles.length === 1 && !(only.kicker && leadsIntoTitle(only.kicker)) ? sidePair(only.titles[0]!) : undefined;
  if (pair) {
    // one title of two phrases (over its byline), or two stories' titles read across the columns: the column
    // label, deck and byline the left one's (the right head's lines come after the line they share)
    const split = [{ ...only, titles: [pair[0]] }, { titles: [pair[1]] }];
    return [...headings, { kind: "cluster", cluster: { heads: split, anchored: split.some(isAnchored), merged: titled } }];
  }
  return [...headings, { kind: "cluster", cluster: { heads: titled, anchored: titled.some(isAnchored) } }];
}

/**
 * A title line of phrases parted by single spaces, perhaps two titles side by side (either may have two
 * phrases itself): cut where the two sides are most even, each a title's length.
 */
function sidePair(unit: Unit): [Unit, Unit] | undefined {
  if (!unit.text.includes(" ")) return undefined; // one phrase: most titles, not split
  const parts = unit.text.trim().split(" ");
  if (parts.length < 2 || parts.length > 4) return undefined;
  const cuts = parts.slice(1).map((_, k) => [parts.slice(0, k + 1).join(" "), parts.slice(k + 1).join(" ")] as const);
  // a shorter side stands as a title of its own beside one twice as long (`第一场雪`); one title's two phrases are about even
  const fit = cuts.filter(([left, right]) => {
    const [short, long] = [characterCount(left), characterCount(right)].sort((x, y) => x - y) as [number, number];
    return short >= SIDE_TITLE || (short >= SHORT_SIDE_TITLE && long >= 2 * short);
  });
  const best = fit.sort((a, b) => unevenness(a) - unevenness(b))[0];
  return best && [{ ...unit, text: best[0] }, { ...unit, text: best[1] }];
}

/** How far apart two sides' lengths are. (A module function: under tsx each named closure made costs a `defineProperty`.) */
const unevenness = ([left, right]: readonly [string, string]) => Math.abs(characterCount(left) - characterCount(right));

/** The fewest characters of a title printed beside another, and of one beside a title twice as long. */
const SIDE_TITLE = 5;
const SHORT_SIDE_TITLE = 4;

/**
 * A head read as section headings: one heading wrapped over its lines, unless each line is a
 * whole heading of two phrases (`凝心铸魂固根基 打造“学习型”机关`), printed one under the other.
 */
export function headingsOf(head: Head): Unit[] {
  const lines = [head.kicker, ...head.titles].filter((unit): unit is Unit => unit !== undefined);
  // a deck or byline printed under it stays what it is, after the heading: no text is lost
  const under = [head.subtitle, head.byline].filter((unit): unit is Unit => unit !== undefined);
  if (lines.length > 1 && lines.every((unit) => / /u.test(unit.text))) return [...lines.map((unit): Unit => ({ ...unit, role: "heading" })), ...under];
  return [{ ...lines[0]!, role: "heading", text: lines.map((unit) => unit.text).join(" "), lastLine: lines[lines.length - 1]!.lastLine }, ...under];
}

/** A line of two phrases of two characters or more parted by a space (not a letter-spaced line). */
const TWO_PHRASES = /\S{2,} \S{2,}/u;

/** A column label is a word or two: at most this many characters. */
const LABEL_CHARACTERS = 4;

/** Bare heads of this many lines or more printed right before a story's head are not titles of their own. */
const DISPLACED_HEADINGS = 3;

/** A short line printed right above a headline is its column label, unless it reads as a person's name. */
function opensHead(unit: Unit, next: Unit | undefined, spacing: number): boolean {
  const label = unit.role === "signature" && next?.role === "headline" && printedTogether(unit, next, spacing) && !isSignature(unit.text) && labelsTitle(unit.text, next.text);
  return unit.role === "kicker" || unit.role === "headline" || label;
}

/** Numbered lines (`一、…`, `（二）…`) are section headings printed one under the other, each with the wrapped lines after it. */
function numberedSections(head: Head): Head[] {
  const { titles } = head;
  if (titles.length < 2 || !titles.some((unit, k) => k > 0 && NUMBERED.test(unit.text))) return [head];
  const groups: Unit[][] = [];
  titles.forEach((unit, k) => (k === 0 || NUMBERED.test(unit.text) ? groups.push([unit]) : groups[groups.length - 1]!.push(unit)));
  return groups.map((lines, k) => (k === groups.length - 1 ? { ...head, titles: lines } : { titles: lines }));
}

/**
 * Three title lines or more, no kicker or deck: the lead story's kicker (引题), title and deck;
 * but below the page's top, with a byline under the last line and text right after it, two heads
 * printed together (the last, with its byline, heading that text).
 */
function withDecks(head: Head, opensPage: boolean, textFollows: boolean): Head[] {
  const { titles } = head;
  const sections = numberedSections(head);
  if (sections.length > 1) return sections;
  // a word or two over a title twice as long: the column's label (`委员论坛`), not the title's first line
  const [label, title] = titles;
  if (titles.length === 2 && !head.kicker && characterCount(label!.text) <= LABEL_CHARACTERS && characterCount(title!.text) >= 2 * characterCount(label!.text)) {
    return [{ ...head, kicker: { ...label!, role: "kicker" }, titles: [title!] }];
  }
  // under a kicker that leads into its title (`…——`, or two phrases `稳外贸 拓市场`: no column label), the
  // last of several title lines is the deck
  if (head.kicker && leadsIntoTitle(head.kicker) && titles.length > 1 && !head.subtitle) return [{ ...head, titles: titles.slice(0, -1), subtitle: { ...titles[titles.length - 1]!, role: "subtitle" } }];
  // a title wraps over two lines at most: under a column label, three title lines are two heads printed
  // together, the label the first one's and the byline the last one's
  if (head.kicker && titles.length > 2 && !head.subtitle && !NUMBERED.test(titles[0]!.text)) {
    const { kicker, ...under } = head;
    const cut = titleCut(titles);
    return [{ kicker, titles: titles.slice(0, cut) }, { ...under, titles: titles.slice(cut) }];
  }
  // a numbered first line (`二、…`) opens a section heading wrapped over its lines: a kicker never counts
  if (titles.length < 3 || head.kicker || head.subtitle || NUMBERED.test(titles[0]!.text)) return [head];
  // lines that are each a whole headline of two phrases are headlines of their own
  if (titles.every((unit) => / /u.test(unit.text))) return titles.map((unit, k) => (k === titles.length - 1 ? { ...head, titles: [unit] } : { titles: [unit] }));
  if (!opensPage && textFollows && head.byline) {
    const cut = titleCut(titles);
    return [{ titles: titles.slice(0, cut) }, { ...head, titles: titles.slice(cut) }];
  }
  return [{ ...head, kicker: { ...titles[0]!, role: "kicker" }, titles: titles.slice(1, -1), subtitle: { ...titles[titles.length - 1]!, role: "subtitle" } }];
}

/** Where title lines of two heads printed together part: after a first line that is a whole headline
 *  (two phrases `数据要多跑路 更要跑对路` over a line that is not, or letter-spaced), else before the last line. */
function titleCut(titles: readonly Unit[]): number {
  const [first, second] = [titles[0]!.text, titles[1]!.text];
  return (TWO_PHRASES.test(first) && !TWO_PHRASES.test(second)) || LETTER_SPACED.test(first) ? 1 : titles.length - 1;
}

/** A kicker that reads on into its title (`…——`, or two phrases `稳外贸 拓市场`), not a column label. */
function leadsIntoTitle(kicker: Unit): boolean {
  return /(?:—|-){2,}$|\S \S/u.test(kicker.text.trim());
}

// Signal: display lines printed together (no blank line between) and their order (kicker, title
// decks, subtitle, byline): how a head is set; what no head takes stays column text.
export function heads(state: ReflowState): void {
  const items: PageItem[] = [];
  let pending: Head[] = []; // heads since the last column text
  let open: Head | undefined;
  const units = state.units.filter((unit) => unit.role !== "credit");
  const spacing = state.blankLinesMeaningful ? 1 : 2;
  units.forEach((unit, i) => {
    // titles side by side on one line: what is printed under them goes with the first, the left one (a head
    // before the open one: a second byline line goes on with the first)
    const left = open && pending.find((head, k) => k < pending.indexOf(open!) && head.titles[0]?.firstLine === open!.titles[0]?.firstLine && !head.byline);
    if (left && unit.role === "byline" && attach(left, unit, spacing)) return void (open = left);
    if (open && attach(open, unit, spacing)) return;
    if (opensHead(unit, units[i + 1], spacing)) {
      open = unit.role === "signature" ? { kicker: { ...unit, role: "kicker" }, titles: [] } : { titles: [] };
      if (unit.role !== "signature") attach(open, unit, spacing);
      pending.push(open);
      return;
    }
    // a name set apart under a head that has its byline, no text between: a short title, not a signature
    // (a signature closes its story's text)
    const title = unit.role === "signature" && open?.byline !== undefined && !printedTogether(open.byline, unit, spacing);
    if (title) return void pending.push((open = { titles: [{ ...unit, role: "headline" }] }));
    open = undefined;
    // (the pending heads pushed here and at the end, no closure: under tsx each named closure made costs a `defineProperty`;
    // most units follow another unit, with no heads pending)
    if (pending.length > 0) {
      items.push(...clustersOf(pending, items.length === 0, true));
      pending = [];
    }
    items.push({ kind: "unit", unit });
  });
  // a bare name line closing the page (after the story's displaced headings, say) is its story's signature, not a title
  const last = pending[pending.length - 1];
  const signature = last && !isAnchored(last) && !last.kicker && last.titles.length === 1 && isSignature(last.titles[0]!.text) ? pending.pop()!.titles[0]! : undefined;
  items.push(...clustersOf(pending, items.length === 0, false));
  if (signature) items.push({ kind: "unit", unit: { ...signature, role: "signature" } });
  state.items = items;
}

/** A head's text, kicker to byline. */
export function headText(head: Head): string {
  // each part read once (heads come in many shapes, each read of one a lookup), joined as it comes: no array per head
  const { kicker, titles, subtitle, byline } = head;
  let text = kicker ? kicker.text.trim() : undefined;
  for (const unit of titles) text = joined(text, unit.text.trim());
  if (subtitle) text = joined(text, subtitle.text.trim());
  if (byline) text = joined(text, byline.text.trim());
  return text ?? "";
}

/** `[text, part].join(" ")`, or the part alone when there is no text before it. */
const joined = (text: string | undefined, part: string) => (text === undefined ? part : `${text} ${part}`);
