import { record } from "./decisions.ts";
import type { PdfBlock, PdfState, Rect } from "./model.ts";
import { blockText } from "./text.ts";

/** A rule this share of the text's width or wider runs across the page: it parts masthead or footer from the stories. */
const FULL_WIDTH = 0.85;
/** A box no taller than this many body lines is a bar across the page, not a frame round text. */
const BAND_LINES = 2.5;
/** Less body text than this (characters) beyond a rule is no story: a masthead's or footer's lines. */
const BODY_CHARACTERS = 40;
/** A page number as printed: digits, maybe dressed (`- 3 -`, `第3版`). */
const FOLIO = /^[-–—·\s]*(?:第\s*)?\d{1,4}(?:\s*版)?[-–—·\s]*$/u;
/** Pieces of a rule this many points apart or closer are one rule. */
const RULE_JOIN = 12;
/** Headlines are at least this many times the body size. */
export const HEADLINE_RATIO = 1.35;

// Signal: the size and font most characters are set in is the body text; every other size and
// font (headlines, bylines, captions) is read against it.
export function body(state: PdfState): void {
  const counts = new Map<string, number>();
  for (const run of state.geometry.runs) {
    const key = `${Math.round(run.size * 2) / 2}\n${run.family}`;
    counts.set(key, (counts.get(key) ?? 0) + run.text.replace(/\s+/gu, "").length);
  }
  const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["10\n"];
  const [size, family] = key.split("\n") as [string, string];
  state.bodySize = Number(size);
  state.bodyFamily = family;
}

// Signal: a rule across the whole text width with no body text above it closes the masthead, one
// with no headline below it opens the footer; what lies beyond them, and a bare number at the
// very top or bottom (the folio), is the page's furniture.
export function furniture(state: PdfState): void {
  const { blocks } = state;
  if (blocks.length === 0) return;
  const left = Math.min(...blocks.map((block) => block.x));
  const right = Math.max(...blocks.map((block) => block.x + block.width));
  // a thick rule or a bar with text on it counts as a rule, and what is printed on it as beyond it
  const bands = [...state.geometry.rules, ...state.geometry.boxes.filter((box) => box.height <= BAND_LINES * state.bodySize)];
  const across = joinRules(bands.filter((rule) => rule.width >= rule.height)).filter((rule) => rule.width >= FULL_WIDTH * (right - left));
  // body text: the body's font and size, more than a stray line of it (a column continued from the page before)
  const isBody = (block: PdfBlock) => block.family === state.bodyFamily && Math.abs(block.size - state.bodySize) < 0.1 * state.bodySize;
  const bodyText = (side: (block: PdfBlock) => boolean) => blocks.filter((block) => isBody(block) && side(block)).reduce((sum, block) => sum + blockText(block).length, 0);
  const isHeadline = (block: PdfBlock) => block.size >= HEADLINE_RATIO * state.bodySize;
  const top = across.find((rule) => bodyText((block) => above(block, rule)) < BODY_CHARACTERS && blocks.some((block) => above(block, rule)));
  const bottom = [...across].reverse().find((rule) => !blocks.some((block) => isHeadline(block) && below(block, rule)) && bodyText((block) => below(block, rule)) < BODY_CHARACTERS && blocks.some((block) => below(block, rule)));
  const lowest = Math.max(...blocks.map((block) => block.y));
  const highest = Math.min(...blocks.map((block) => block.y + block.height));
  for (const block of blocks) {
    const folio = FOLIO.test(blockText(block)) && (block.y >= lowest || block.y + block.height <= highest);
    const side = top && above(block, top) ? "above the rule across the page under the masthead" : bottom && below(block, bottom) ? "below the rule across the page over the footer" : folio ? "alone at the page's edge, a page number" : undefined;
    if (!side) continue;
    block.role = "credit";
    record(state.decisions, "pdf-furniture", block, 0.9, `is page furniture (a credit): it stands ${side}`);
  }
}

/** Rules on one level that meet or nearly meet are one (a running head's rule drawn in pieces). */
function joinRules(rules: readonly Rect[]): Rect[] {
  const joined: Rect[] = [];
  for (const rule of [...rules].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const last = joined[joined.length - 1];
    if (last && Math.abs(last.y - rule.y) <= 1 && Math.abs(last.height - rule.height) <= 1 && rule.x <= last.x + last.width + RULE_JOIN) {
      joined[joined.length - 1] = { ...last, width: Math.max(last.width, rule.x + rule.width - last.x) };
    } else joined.push({ ...rule });
  }
  return joined;
}

const above = (block: Rect, rule: Rect) => block.y + block.height <= rule.y + rule.height + 1;
const below = (block: Rect, rule: Rect) => block.y >= rule.y - 1;
