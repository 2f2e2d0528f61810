import { record } from "./decisions.ts";
import type { PdfBlock, PdfState, Rect } from "./model.ts";

/** A rule this share of the text's width or wider runs across the page: it parts masthead or footer from the stories. */
const FULL_WIDTH = 0.85;
/** A box no taller than this many body lines is a bar across the page, not a frame round text. */
const BAND_LINES = 2.5;
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
// with no headline below it opens the footer; what lies beyond them is the page's furniture.
export function furniture(state: PdfState): void {
  const { blocks } = state;
  if (blocks.length === 0) return;
  const left = Math.min(...blocks.map((block) => block.x));
  const right = Math.max(...blocks.map((block) => block.x + block.width));
  // a thick rule or a bar with text on it counts as a rule, and what is printed on it as beyond it
  const bands = [...state.geometry.rules, ...state.geometry.boxes.filter((box) => box.height <= BAND_LINES * state.bodySize)];
  const across = bands.filter((rule) => rule.width >= rule.height && rule.width >= FULL_WIDTH * (right - left)).sort((a, b) => a.y - b.y);
  const isBody = (block: PdfBlock) => Math.abs(block.size - state.bodySize) < 0.1 * state.bodySize && block.lines.length >= 3;
  const isHeadline = (block: PdfBlock) => block.size >= HEADLINE_RATIO * state.bodySize;
  const top = across.find((rule) => !blocks.some((block) => isBody(block) && above(block, rule)) && blocks.some((block) => above(block, rule)));
  const bottom = [...across].reverse().find((rule) => !blocks.some((block) => (isHeadline(block) || isBody(block)) && below(block, rule)) && blocks.some((block) => below(block, rule)));
  for (const block of blocks) {
    const side = top && above(block, top) ? "above the rule across the page under the masthead" : bottom && below(block, bottom) ? "below the rule across the page over the footer" : undefined;
    if (!side) continue;
    block.role = "credit";
    record(state.decisions, "pdf-furniture", block, 0.9, `is page furniture (a credit): it stands ${side}`);
  }
}

const above = (block: Rect, rule: Rect) => block.y + block.height <= rule.y + rule.height + 1;
const below = (block: Rect, rule: Rect) => block.y >= rule.y - 1;
