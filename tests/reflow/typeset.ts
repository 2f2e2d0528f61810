// A small typesetter that lays stories out the way PDF extraction leaves a newspaper page: lines
// broken at the column width (first-line indent lost), blank lines at column breaks (in column text:
// a head or folio is a box of its own, never broken across columns), justification
// spread, heads and section headings displaced. Tests reflow its pages and expect the stories back.
import { charWidth as emWidth } from "../../src/reflow/text.ts";
import type { Block, Story } from "../../src/types.ts";

export type PageStory = Omit<Story, "id">;

export interface Layout {
  /** Ems per line in the body columns. */
  columnWidth: number;
  /** Lines per column; the extractor leaves a blank line at every column break. */
  columnHeight: number;
  /** The extractor wrote a blank line after every line. */
  doubleSpaced: boolean;
  /** Heads (title, byline…) printed after their bodies, in runs of this many stories (0: heads first). */
  headsAfterRuns: number;
  /** Section headings without a stop printed at the story's end, sections shuffled. */
  displaceSections: boolean;
  /** Chance that a full line comes out with its characters spread apart by justification. */
  spreadChance: number;
  /** Chance that a paragraph has no blank line after it (pages with meaningful blank lines). */
  tightParagraphChance: number;
  /** Ems a line may run over or under the column (punctuation compression varies). */
  widthJitter: number;
  /** Chance that a paragraph comes out as one long line (the extractor did not break it). */
  longLineChance: number;
  /** Spaces inside a paragraph (`本报讯（记者 张三 通讯员 李四）`) survive, as pdftotext keeps gaps. */
  keepSpaces?: boolean;
  /** Chance that a paragraph's final stop, hanging past the column, comes out alone on the next line. */
  orphanStopChance?: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing layout can be replayed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chinese line-breaking rules: these never start a line, those never end one. */
const NO_LINE_START = new Set("，。、；：？！”’）》」』…·");
const NO_LINE_END = new Set("“‘（《「『");

/** Break a paragraph into lines of a column: the first line lost its two-em indent. */
export function breakLines(text: string, layout: Layout, random: () => number): string[] {
  const chars = layout.keepSpaces ? [...text.replace(/\s+/gu, " ").trim()] : [...text.replace(/\s+/gu, "")];
  const charWidth = layout.keepSpaces ? spacedWidth : emWidth;
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  let capacity = layout.columnWidth - 2;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const charWide = charWidth(char);
    const overflows = width + charWide > capacity + 1e-9;
    // a stop may hang half an em past the column; beyond that the line gives up a character to the next
    const hangs = NO_LINE_START.has(char) && width + charWide <= capacity + 0.5 + 1e-9;
    if (overflows && !hangs && line.length > 0) {
      if (char === " ") continue; // a gap at a line's end is lost
      while (line[line.length - 1] === " ") line.pop();
      const carried: string[] = [];
      while (line.length > 1 && (NO_LINE_END.has(line[line.length - 1]!) || NO_LINE_START.has(carried[0] ?? char))) {
        carried.unshift(line.pop()!);
      }
      lines.push(justify(line, layout, random));
      line = carried;
      while (line[0] === " ") line.shift();
      width = carried.reduce((sum, c) => sum + charWidth(c), 0);
      capacity = layout.columnWidth + (random() - 0.5) * 2 * layout.widthJitter;
    }
    line.push(char);
    width += charWide;
  }
  if (line.length > 0) lines.push(line.join(""));
  return lines;
}

const spacedWidth = (char: string) => (char === " " ? 0.5 : emWidth(char));

function justify(line: string[], layout: Layout, random: () => number): string {
  if (random() >= layout.spreadChance) return line.join("");
  // pdftotext spreads a justified line character by character, but keeps runs of digits and letters whole
  return layout.keepSpaces ? line.join("").replace(/ /gu, "").replace(/([0-9A-Za-z.\-]+|.)(?=.)/gu, "$1 ") : line.join(" ");
}

/** A page's lines before column breaks: null marks a paragraph's end (a possible blank line). */
type Flow = (string | null)[];

function paragraphFlow(block: Block, layout: Layout, random: () => number): Flow {
  // headings without a stop are display lines; everything else is set in the column
  if (block.type === "heading" && !/[。！？]$/u.test(block.text)) return [block.text, null];
  if (block.type === "paragraph" && random() < layout.longLineChance) return [block.text, null];
  const lines = breakLines(block.text, layout, random);
  const last = lines[lines.length - 1]!;
  if (layout.orphanStopChance && /.[。！？]$/u.test(last) && random() < layout.orphanStopChance) lines.splice(-1, 1, last.slice(0, -1), last.slice(-1));
  return [...lines, null];
}

function headFlow(story: PageStory): Flow {
  const lines: string[] = [];
  if (story.kicker) lines.push(story.kicker);
  lines.push(story.title);
  if (story.subtitle) lines.push(story.subtitle);
  if (story.byline) lines.push(story.byline);
  return [...lines, null];
}

type BlockFlow = (block: Block, layout: Layout, random: () => number) => Flow;

function bodyFlow(story: PageStory, layout: Layout, random: () => number, blockFlow: BlockFlow = paragraphFlow, signature?: string): Flow {
  const flow: Flow = [];
  const blocks = story.blocks;
  const headingIndexes = blocks.flatMap((block, i) => (block.type === "heading" && !/[。！？]$/u.test(block.text) ? [i] : []));
  if (layout.displaceSections && headingIndexes.length >= 2) {
    const lead = blocks.slice(0, headingIndexes[0]);
    const sections = headingIndexes.map((start, k) => blocks.slice(start + 1, headingIndexes[k + 1] ?? blocks.length));
    const order = shuffle(sections.map((_, k) => k), random);
    lead.forEach((block) => flow.push(...blockFlow(block, layout, random)));
    order.forEach((k) => sections[k]!.forEach((block) => flow.push(...blockFlow(block, layout, random))));
    headingIndexes.forEach((i) => flow.push(...blockFlow(blocks[i]!, layout, random)));
  } else {
    blocks.forEach((block) => flow.push(...blockFlow(block, layout, random)));
  }
  if (signature) flow.push(signature, null);
  if (story.authorNote) flow.push(story.authorNote, null);
  return flow;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  // a shuffle that changes nothing would not test displacement
  if (result.length > 1 && result.every((item, i) => item === items[i])) result.push(result.shift()!);
  return result;
}

/** Lay out a page of stories and credits as extracted text. */
export function typeset(stories: readonly PageStory[], credits: readonly string[], layout: Layout, seed: number): string {
  const random = randomSource(seed);
  const flow: Flow = [];
  if (layout.headsAfterRuns > 0) {
    for (let start = 0; start < stories.length; start += layout.headsAfterRuns) {
      const run = stories.slice(start, start + layout.headsAfterRuns);
      run.forEach((story) => flow.push(...bodyFlow(story, layout, random)));
      run.forEach((story) => flow.push(...headFlow(story)));
    }
  } else {
    stories.forEach((story) => flow.push(...headFlow(story), ...bodyFlow(story, layout, random)));
  }
  credits.forEach((credit) => flow.push(credit, null));
  return render(flow, layout, random);
}

/** In a flow, a blank line that always comes out (between boxes), where null is one that may. */
const BOX_BREAK = "";
/** Marks a display line (a head's, a folio's): set in its own box, so no column break falls after it. */
const DISPLAY = "\u0001";
const display = (line: string) => `${DISPLAY}${line}`;

/** Lines to text: blank lines after paragraphs (mostly), between boxes and at every column break. */
function render(flow: Flow, layout: Layout, random: () => number): string {
  const out: string[] = [];
  let inColumn = 0;
  for (const item of flow) {
    if (item === BOX_BREAK) {
      if (out.length > 0 && out[out.length - 1] !== "") out.push("");
      continue;
    }
    if (item === null) {
      if (!layout.doubleSpaced && random() >= layout.tightParagraphChance && out[out.length - 1] !== "") out.push("");
      continue;
    }
    const isDisplay = item.startsWith(DISPLAY);
    out.push(isDisplay ? item.slice(DISPLAY.length) : item);
    if (layout.doubleSpaced) out.push("");
    if (isDisplay) continue;
    if (++inColumn >= layout.columnHeight) {
      inColumn = 0;
      if (out[out.length - 1] !== "") out.push("");
    }
  }
  return `${out.join("\n")}\n`;
}

// ---- whole pages: each story with its own column width, head placement and printed head lines ----

/** How one story is printed on a page; its gold is `story`. */
export interface StoryPrint {
  story: PageStory;
  /** Ems per line in this story's columns. */
  columnWidth: number;
  /** The head (kicker, title, deck, byline) comes after the body in the extracted text. */
  headAfter?: boolean;
  /** This head-after story shares its run with the story before: both bodies, then both heads. */
  sharesRun?: boolean;
  /** The title as printed, line by line (a line may be letter-spaced); default: the title on one line. */
  titleLines?: string[];
  /** The byline as printed, line by line; default: the byline on one line. */
  bylineLines?: string[];
  /** The byline is a signature printed alone after the body, not in the head. */
  signature?: boolean;
  /** Captions come out as one line each (the photo is wider than the column). */
  captionsOnOneLine?: boolean;
}

export interface PageLayout extends Omit<Layout, "columnWidth" | "headsAfterRuns"> {
  /** Credit lines printed above the stories (a running header or folio) and below them. */
  header: string[];
  footer: string[];
  /** pdftotext put spaces between Han characters and digits or Latin letters (`10 月 14 日`). */
  digitSpacing: boolean;
  /** Indexes of stories whose title shares its extracted line with the next story's first title line. */
  titlePairs: number[];
  /** Titles centred over their columns come out with a leading space (` 当好一流参谋…`). */
  centeredHeads?: boolean;
}

/** Headings wider than their column wrap over lines of the column's width, without an indent. */
function wrapDisplay(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const char of text) {
    const wide = emWidth(char);
    if (used + wide > width + 1e-9 && line && !NO_LINE_START.has(char)) {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += char;
    used += wide;
  }
  return line ? [...lines, line] : lines;
}

function pageBlockFlow(print: StoryPrint): BlockFlow {
  return (block, layout, random) => {
    if (block.type === "heading" && !/[。！？]$/u.test(block.text)) return [...wrapDisplay(block.text, print.columnWidth), null];
    if (block.type === "caption") return print.captionsOnOneLine ? [block.text, null] : [...wrapDisplay(block.text, print.columnWidth), null];
    return paragraphFlow(block, layout, random);
  };
}

function pageHeadFlow(print: StoryPrint, titleLines: string[], centered: boolean): Flow {
  const { story } = print;
  const lines: string[] = [];
  if (story.kicker) lines.push(story.kicker);
  lines.push(...titleLines.map((line) => (centered ? ` ${line}` : line)));
  if (story.subtitle) lines.push(story.subtitle);
  if (story.byline && !print.signature) lines.push(...(print.bylineLines ?? [story.byline]));
  return [...lines.map(display), null];
}

const HAN_THEN_ASCII = /(\p{Script=Han})([0-9A-Za-z])/gu;
const ASCII_THEN_HAN = /([0-9A-Za-z])(\p{Script=Han})/gu;

function spaceDigits(line: string): string {
  return line.replace(HAN_THEN_ASCII, "$1 $2").replace(ASCII_THEN_HAN, "$1 $2");
}

/** Lay out a whole page: header credits, stories in their runs (heads before or after bodies), footer credits. */
export function typesetPage(prints: readonly StoryPrint[], page: PageLayout, seed: number): string {
  const random = randomSource(seed);
  const titles = prints.map((print) => [...(print.titleLines ?? [print.story.title])]);
  for (const i of page.titlePairs) {
    // two heads side by side: extraction reads across them, one title and the next one's first line
    if (i + 1 >= prints.length || titles[i]!.length !== 1 || titles[i + 1]!.length === 0) continue;
    // pdftotext puts one space or a few between them, as the gap on the page happens to measure
    titles[i]![0] = `${titles[i]![0]}${" ".repeat(1 + Math.floor(random() * 3))}${titles[i + 1]!.shift()}`;
  }
  const flow: Flow = page.header.flatMap((line) => [display(line), null]);
  for (let start = 0; start < prints.length; ) {
    let end = start + 1;
    if (prints[start]!.headAfter) while (end < prints.length && prints[end]!.headAfter && prints[end]!.sharesRun) end++;
    const run = prints.slice(start, end).map((print, k) => {
      const layout: Layout = { ...page, columnWidth: print.columnWidth, headsAfterRuns: 0 };
      const body = bodyFlow(print.story, layout, random, pageBlockFlow(print), print.signature ? print.story.byline : undefined);
      return { head: pageHeadFlow(print, titles[start + k]!, page.centeredHeads ?? false), body };
    });
    // stories are separate boxes on the page, and pdftotext leaves a blank line between boxes
    if (prints[start]!.headAfter) flow.push(...run.flatMap((r) => [...r.body, BOX_BREAK]), ...run.flatMap((r) => [...r.head, BOX_BREAK]));
    else flow.push(...run.flatMap((r) => [...r.head, ...r.body, BOX_BREAK]));
    start = end;
  }
  page.footer.forEach((line) => flow.push(display(line), null));
  const spaced = page.digitSpacing ? flow.map((item) => (item === null ? null : spaceDigits(item))) : flow;
  return render(spaced, { ...page, columnWidth: 0, headsAfterRuns: 0 }, random);
}
