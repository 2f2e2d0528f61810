// How wide a column runs around each line, and how wide its full lines and its first lines run: measured
// from the lines whose shape says what they are, since a flow mixes full, first and last lines and other columns' text.
import type { Line } from "../types.ts";
import { hasPhotoCredit } from "./captions.ts";
import { LONG_LINE_RATIO } from "./headlines.ts";
import { endsSentence } from "./text.ts";

/** A line this much (in ems) short of where it should end did not fill its column. */
export const SHORTFALL = 1.5;

/** Most lines of a column are full: the column is as wide as this share of them. */
const COLUMN_QUANTILE = 0.7;
/** Lines on either side that vote on a line's column width. */
const WINDOW = 8;

/**
 * The width a column of justified text gives its lines, around each line: a high quantile of the
 * neighbours' widths (most lines of a paragraph are full), ignoring one-line paragraphs.
 */
export function localColumnWidths(widths: readonly number[]): number[] {
  // one sorted window slides down the lines (a width in, a width out per line), the line's own
  // width included and skipped when reading it: no window is gathered and sorted afresh per line
  // a plain array: a typed one this small still costs an off-heap allocation per flow of the page
  const window: number[] = [];
  for (let j = 0; j < Math.min(widths.length, WINDOW); j++) insertSorted(window, widths[j]);
  const result = new Array<number>(widths.length);
  for (let i = 0; i < widths.length; i++) {
    if (i > WINDOW && i + WINDOW < widths.length) slideSorted(window, widths[i - WINDOW - 1]!, widths[i + WINDOW]!);
    else if (i > WINDOW) removeSorted(window, widths[i - WINDOW - 1]);
    else if (i + WINDOW < widths.length) insertSorted(window, widths[i + WINDOW]);
    const own = widths[i]!;
    const others = window.length - 1;
    if (others === 0) {
      result[i] = own;
      continue;
    }
    // the others' k-th width is the window's k-th, or the one after it from the line's own place on
    let skip = 0;
    while (window[skip] !== own) skip++;
    const middle = others >> 1;
    const limit = window[middle < skip ? middle : middle + 1]! * LONG_LINE_RATIO;
    let usual = others;
    while (usual > 1 && window[usual - 1 < skip ? usual - 1 : usual]! > limit) usual--;
    const quantile = Math.floor((usual - 1) * COLUMN_QUANTILE);
    result[i] = window[quantile < skip ? quantile : quantile + 1]!;
  }
  return result;
}

/** Lines on either side whose widths say how full a full line is. */
const FULL_WINDOW = 8;

/**
 * The column width around each line, raised to the median width of the lines that are surely full:
 * mid-sentence on both ends, so neither a first line (its indent lost) nor a last. Among paragraphs of
 * two or three lines those are few, and a quantile of all widths runs low: with fewer than three in
 * reach, the one or two right beside the line still tell (further off, another column's may stand).
 */
export function fullLineWidths(lines: readonly Line[], widths: readonly number[]): number[] {
  // a photo credit ends its caption as a stop ends a sentence
  const ends = lines.map((line) => endsSentence(line.text) || hasPhotoCredit(line.text));
  const full = lines.map((line, i) => (i > 0 && !line.spread && !ends[i - 1] && !ends[i] && line.width <= widths[i]! * LONG_LINE_RATIO ? line.core : undefined));
  const medians = windowMedians(full, FULL_WINDOW, 3);
  return widths.map((width, i) => Math.max(width, medians[i] ?? nearestMedian(full, i) ?? 0));
}

/** Lines on either side whose surely full widths still tell when fewer than three are in the wider window. */
const NEAR = 2;
/** Scratch for `nearestMedian`: at most five values, sorted in place (no array per line), its first `count` in use
 *  (not emptied by a store to `length`, which optimized code leaves to the runtime). */
const nearby: number[] = [0, 0, 0, 0, 0];

/** The median of the values present within NEAR of position `i`, as `windowMedians(values, NEAR, 1)` gives it. */
function nearestMedian(values: readonly (number | undefined)[], i: number): number | undefined {
  let count = 0;
  for (let k = Math.max(0, i - NEAR); k <= Math.min(values.length - 1, i + NEAR); k++) {
    const value = values[k];
    if (value === undefined) continue;
    let j = count++;
    for (; j > 0 && nearby[j - 1]! > value; j--) nearby[j] = nearby[j - 1]!;
    nearby[j] = value;
  }
  return count > 0 ? nearby[count >> 1] : undefined;
}

/**
 * Around each line, the median width of the lines nearby that surely open a paragraph: a flow's first
 * line (after a head or heading) and a line after a sentence that stopped well short. Those lost the
 * same indent, so they measure the column's first lines better than the column width less two ems.
 */
export function firstLineWidths(lines: readonly Line[], widths: readonly number[]): (number | undefined)[] {
  const ends = lines.map((line) => endsSentence(line.text));
  const known = lines.map((line, i) => {
    if (line.spread || ends[i] || line.width > widths[i]! * LONG_LINE_RATIO) return undefined;
    const previous = lines[i - 1];
    return !previous || (!previous.spread && ends[i - 1] && widths[i - 1]! - previous.width >= 2 * SHORTFALL) ? line.core : undefined;
  });
  return windowMedians(known, FULL_WINDOW, 1);
}

/** Around each position, the median of the values present within `reach` on either side, where at least
 *  `least` are: one sorted window slides down the values, none gathered and sorted afresh per position. */
function windowMedians(values: readonly (number | undefined)[], reach: number, least: number): (number | undefined)[] {
  const sorted: number[] = [];
  for (let k = 0; k < Math.min(values.length, reach); k++) insertSorted(sorted, values[k]);
  const medians = new Array<number | undefined>(values.length);
  for (let i = 0; i < values.length; i++) {
    if (i + reach < values.length) insertSorted(sorted, values[i + reach]);
    if (i - reach - 1 >= 0) removeSorted(sorted, values[i - reach - 1]);
    medians[i] = sorted.length >= least ? sorted[sorted.length >> 1] : undefined;
  }
  return medians;
}

// Module functions, not closures inside `windowMedians` or `localColumnWidths`: under tsx (esbuild's keepNames)
// every named closure costs an `Object.defineProperty` each time it is made, and these run per flow of a page.
function insertSorted(sorted: number[], value: number | undefined): void {
  if (value === undefined) return;
  let k = sorted.length;
  for (sorted.push(value); k > 0 && sorted[k - 1]! > value; k--) sorted[k] = sorted[k - 1]!;
  sorted[k] = value;
}

/** `removeSorted(out)` then `insertSorted(into)` in one pass: the values between their places shift by one (mid-column,
 *  where a width leaves the window and another comes in at every line, about half the moves of the two). */
function slideSorted(sorted: number[], out: number, into: number): void {
  let k = sorted.indexOf(out);
  if (k < 0) {
    removeSorted(sorted, out);
    insertSorted(sorted, into);
    return;
  }
  if (into > out) for (; k + 1 < sorted.length && sorted[k + 1]! < into; k++) sorted[k] = sorted[k + 1]!;
  else for (; k > 0 && sorted[k - 1]! > into; k--) sorted[k] = sorted[k - 1]!;
  sorted[k] = into;
}

/** (Shifted down in place: `splice` makes an array of the removed value each call, one per line of the page.) */
function removeSorted(sorted: number[], value: number | undefined): void {
  if (value === undefined || sorted.length === 0) return;
  const found = sorted.indexOf(value);
  // (a value not there: the last one goes, as `splice(-1, 1)` would have it)
  for (let k = found < 0 ? sorted.length - 1 : found; k + 1 < sorted.length; k++) sorted[k] = sorted[k + 1]!;
  sorted.pop(); // (not a store to `length`: optimized code leaves that to the runtime)
}
