import type { PdfLine, PdfState, Rect, TextRun } from "./model.ts";

/** Runs further apart than this many ems are never one line. */
const COLUMN_GAP = 2.5;
/**
 * Runs further apart than this many ems are one line only if text below bridges the gap (a
 * letter-spaced word, not a gutter): body text's gutters are an em or more, and headlines set
 * side by side may stand closer than their own letter-spacing.
 */
const CHANNEL_GAP = 1;
const DISPLAY_CHANNEL_GAP = 0.4;
/** Runs this many times the body size are display type (headlines). */
const DISPLAY_SIZE = 1.3;
/** Characters this many ems apart or more are letter-spaced; a space between words adds up to this many. */
const LETTER_SPACING = 0.15;
const WORD_SPACE_MAX = 0.6;
/** How far below a line (in ems) text is looked for across a gap. */
const CHANNEL_DEPTH = 1.6;
/** How far below a headline (in its ems) white space must run for a gap in it to be a gutter. */
const DISPLAY_CHANNEL_DEPTH = 8;
/** Baselines closer than this many ems are one printed line. */
const BASELINE_TOLERANCE = 0.3;
/** Sizes further apart than this ratio are different kinds of text, even side by side. */
const SIZE_RATIO = 1.1;
/** A gap wider than this many ems between two runs of a line is a word space (kept between Latin words). */
const WORD_SPACE = 0.15;

interface OpenLine {
  runs: TextRun[];
  right: number;
}

// Signal: runs on one baseline with no gutter between them are one printed line, however the PDF
// split or joined its text items. A gutter is a column rule, or white space that runs on down the
// page: a gap in a letter-spaced headline has text under it, a gap between columns has none.
export function lines(state: PdfState): void {
  const { runs, rules } = state.geometry;
  const byTop = [...runs].sort((a, b) => a.y - b.y);
  const following = nextOnBaseline(runs);
  const verticalRules = rules.filter((rule) => rule.height > rule.width);
  const sorted = [...runs].sort((a, b) => a.x - b.x || a.baseline - b.baseline);
  const open: OpenLine[] = [];
  const done: OpenLine[] = [];
  for (const run of sorted) {
    let best: OpenLine | undefined;
    for (const line of open) {
      const last = line.runs[line.runs.length - 1]!;
      const size = Math.min(last.size, run.size);
      if (Math.max(last.size, run.size) / size > SIZE_RATIO) continue;
      if (Math.abs(last.baseline - run.baseline) > BASELINE_TOLERANCE * size) continue;
      const gap = run.x - line.right;
      // squeezed punctuation may overlap the run before it
      if (gap > COLUMN_GAP * size || gap < -size) continue;
      if (verticalRules.some((rule) => crosses(rule, line.right, run.x, run))) continue;
      if (size >= DISPLAY_SIZE * state.bodySize) {
        if (gap > DISPLAY_CHANNEL_GAP * size && !evenlySpaced(line, run, gap, following) && whiteBelow(byTop, line.right, run.x, run)) continue;
      } else if (gap > CHANNEL_GAP * size && !bridged(byTop, line.right, run.x, run)) continue;
      if (!best || Math.abs(last.baseline - run.baseline) < Math.abs(best.runs[best.runs.length - 1]!.baseline - run.baseline)) best = line;
    }
    if (best) {
      best.runs.push(run);
      best.right = Math.max(best.right, run.x + run.width);
    } else open.push({ runs: [run], right: run.x + run.width });
    // lines that end far to the left of this run can take no more runs
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.right + 2 * COLUMN_GAP * open[i]!.runs[0]!.size < run.x) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  state.lines = done.map(toLine).sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The next run to the right on each run's baseline. */
function nextOnBaseline(runs: readonly TextRun[]): Map<TextRun, TextRun> {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const next = new Map<TextRun, TextRun>();
  sorted.forEach((run, i) => {
    const after = sorted[i + 1];
    if (after && Math.abs(after.baseline - run.baseline) < BASELINE_TOLERANCE * run.size) next.set(run, after);
  });
  return next;
}

/**
 * Letter-spacing spaces characters evenly: a gap like the one before or after it in the line is
 * one of them, and a word space there is the spacing twice plus a space (half an em at most).
 */
function evenlySpaced(line: OpenLine, run: TextRun, gap: number, following: Map<TextRun, TextRun>): boolean {
  const like = (other: number | undefined) =>
    other !== undefined && (Math.abs(other - gap) <= Math.max(1, 0.1 * gap) || (other >= LETTER_SPACING * run.size && gap <= 2 * other + WORD_SPACE_MAX * run.size));
  const last = line.runs[line.runs.length - 1]!;
  // columns are evenly spaced too, but letter-spaced text comes a character or two per run
  if (characters(run) > 2 && characters(last) > 2) return false;
  const before = line.runs[line.runs.length - 2];
  const after = following.get(run);
  return like(before && last.x - (before.x + before.width)) || like(after && after.x - (run.x + run.width));
}

/** Nothing printed below the gap for a while: between two headlines, not between two words of one. */
function whiteBelow(byTop: readonly TextRun[], left: number, right: number, run: TextRun): boolean {
  const to = run.baseline + DISPLAY_CHANNEL_DEPTH * run.size;
  // probe the strip just before the next run: a line left of the gap may end short of its column
  const probe = { from: right - Math.min((right - left) / 2, 0.3 * run.size), to: right - 0.5 };
  for (let i = firstBelow(byTop, run.baseline); i < byTop.length && byTop[i]!.y < to; i++) {
    const other = byTop[i]!;
    if (other.x < probe.to && other.x + other.width > probe.from) return false;
  }
  return true;
}

/** Index of the first run (by top) at or below `y`. */
function firstBelow(byTop: readonly TextRun[], y: number): number {
  let low = 0;
  let high = byTop.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byTop[middle]!.y < y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A line right below that runs across the gap with no hole as wide as it (a second line of the
 * headline, the text under it): the gap is no gutter, for a gutter runs on down the page.
 */
function bridged(byTop: readonly TextRun[], left: number, right: number, run: TextRun): boolean {
  const from = run.baseline;
  const to = run.baseline + CHANNEL_DEPTH * run.size;
  const gap = right - left;
  const rows = new Map<number, TextRun[]>();
  for (let i = firstBelow(byTop, from); i < byTop.length && byTop[i]!.y < to; i++) {
    const other = byTop[i]!;
    if (other.x + other.width < left - gap || other.x > right + gap) continue;
    const key = Math.round(other.baseline);
    rows.set(key, [...(rows.get(key) ?? []), other]);
  }
  return [...rows.values()].some((row) => {
    let reach = -Infinity;
    for (const other of row.sort((a, b) => a.x - b.x)) {
      if (reach > -Infinity && other.x - reach >= 0.5 * gap && other.x > left && reach < right) return false;
      if (reach === -Infinity && other.x > left) return false;
      reach = Math.max(reach, other.x + other.width);
    }
    return reach >= right;
  });
}

/** A vertical rule between two runs of a baseline: a column rule, however narrow the gutter. */
function crosses(rule: Rect, left: number, right: number, run: TextRun): boolean {
  const x = rule.x + rule.width / 2;
  return x >= left - 0.1 && x <= right + 0.1 && rule.y < run.baseline && rule.y + rule.height > run.y;
}

function toLine(line: OpenLine): PdfLine {
  const runs = line.runs;
  let text = "";
  runs.forEach((run, i) => {
    const previous = runs[i - 1];
    if (previous && run.x - (previous.x + previous.width) > WORD_SPACE * run.size) text += " ";
    text += run.text;
  });
  const weights = new Map<string, { count: number; run: TextRun }>();
  for (const run of runs) {
    const key = `${run.family}\n${Math.round(run.size * 2) / 2}`;
    const entry = weights.get(key) ?? { count: 0, run };
    entry.count += run.text.replace(/\s+/gu, "").length;
    weights.set(key, entry);
  }
  const main = [...weights.values()].sort((a, b) => b.count - a.count)[0]!.run;
  const x = Math.min(...runs.map((run) => run.x));
  const y = Math.min(...runs.map((run) => run.y));
  return {
    text: text.replace(/\s+/gu, " ").trim(),
    x,
    y,
    width: Math.max(...runs.map((run) => run.x + run.width)) - x,
    height: Math.max(...runs.map((run) => run.y + run.height)) - y,
    size: main.size,
    family: main.family,
    bold: main.bold,
    number: 0,
  };
}

const characters = (run: TextRun) => run.text.replace(/\s+/gu, "").length;
