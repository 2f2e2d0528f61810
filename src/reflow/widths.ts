// How wide a column's full lines and its first lines run, around each line: measured from the lines
// whose shape says what they are, since a flow mixes full, first and last lines and other columns' text.
import type { Line } from "../types.ts";
import { hasPhotoCredit } from "./captions.ts";
import { LONG_LINE_RATIO } from "./headlines.ts";
import { endsSentence } from "./text.ts";

/** A line this much (in ems) short of where it should end did not fill its column. */
export const SHORTFALL = 1.5;

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
/** Scratch for `nearestMedian`: at most five values, sorted in place (no array per line). */
const nearby: number[] = [];

/** The median of the values present within NEAR of position `i`, as `windowMedians(values, NEAR, 1)` gives it. */
function nearestMedian(values: readonly (number | undefined)[], i: number): number | undefined {
  nearby.length = 0;
  for (let k = Math.max(0, i - NEAR); k <= Math.min(values.length - 1, i + NEAR); k++) {
    const value = values[k];
    if (value === undefined) continue;
    let j = nearby.length;
    for (nearby.push(value); j > 0 && nearby[j - 1]! > value; j--) nearby[j] = nearby[j - 1]!;
    nearby[j] = value;
  }
  return nearby.length > 0 ? nearby[nearby.length >> 1] : undefined;
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
  return values.map((_, i) => {
    if (i + reach < values.length) insertSorted(sorted, values[i + reach]);
    if (i - reach - 1 >= 0) removeSorted(sorted, values[i - reach - 1]);
    return sorted.length >= least ? sorted[sorted.length >> 1] : undefined;
  });
}

// Module functions, not closures inside `windowMedians`: under tsx (esbuild's keepNames) every named
// closure costs an `Object.defineProperty` each time it is made, and this runs twice per flow of a page.
function insertSorted(sorted: number[], value: number | undefined): void {
  if (value === undefined) return;
  let k = sorted.length;
  for (sorted.push(value); k > 0 && sorted[k - 1]! > value; k--) sorted[k] = sorted[k - 1]!;
  sorted[k] = value;
}

function removeSorted(sorted: number[], value: number | undefined): void {
  if (value !== undefined) sorted.splice(sorted.indexOf(value), 1);
}
