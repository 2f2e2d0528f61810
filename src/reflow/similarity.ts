// Which body does a displaced headline or byline belong to? The words they share: a unit named in a
// byline recurs in its speech, a section heading repeats its section's key words. Rare words count most.
import { isHanCode } from "./text.ts";

/** Characters that make up words: Han characters, Latin letters, digits. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || isHanCode(code);
}

/** Above every code point: the key of a pair of rare characters (see `pairKey`). */
const BASE = 0x110000;
/** Characters numbered below this make a pair key that V8 keeps as a small integer (below 2^30). */
const SMALL = 0x8000;

/**
 * A bigram's key from its characters' numbers: negative, so apart from single characters' keys
 * (their numbers). Small integers hash and store without allocating, so numbers below `SMALL`
 * pack into a small key; larger ones (only from `grams`' default numbering) take keys past 2^30.
 */
function pairKey(first: number, second: number): number {
  return first < SMALL && second < SMALL ? -(1 + first * SMALL + second) : -(1 + SMALL * SMALL + first * BASE + second);
}

/**
 * Character bigrams, and with `characters` single characters too, within runs of Han characters,
 * letters and digits, with their counts; keyed by numbers, not strings, for speed. `number` gives
 * each character its number: its code point by default, a page's own dense numbering in `Affinity`.
 */
export function grams(text: string, characters = false, number: (code: number) => number = (code) => code): Map<number, number> {
  const result = new Map<number, number>();
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (!isWordCode(code)) {
      previous = -1;
      continue;
    }
    const current = number(code);
    if (characters) result.set(current, (result.get(current) ?? 0) + 1);
    if (previous >= 0) {
      const pair = pairKey(previous, current);
      result.set(pair, (result.get(pair) ?? 0) + 1);
    }
    previous = current;
  }
  return result;
}

/** A gram's text (of `grams`' default numbering), for tests and tools. */
export function gramText(gram: number): string {
  if (gram >= 0) return String.fromCodePoint(gram);
  const key = -gram - 1;
  return key < SMALL * SMALL ? String.fromCodePoint(Math.floor(key / SMALL), key % SMALL) : String.fromCodePoint(Math.floor((key - SMALL * SMALL) / BASE), (key - SMALL * SMALL) % BASE);
}

/**
 * Inverse document frequency of grams over the texts of one page. Bylines name units and places,
 * which bigrams catch; a section heading names a theme whose characters recur in the section's
 * compounds (`学习型` → 学习, 学员, 学法), so `characters` counts single characters as well.
 */
export class Affinity {
  private readonly idf = new Map<number, number>();
  /** A gram no text of the page holds: rarest of all. */
  private readonly unseen: number;
  /** The page's characters numbered densely from 0, so that bigram keys stay small integers. */
  private readonly numbers = new Map<number, number>();
  private readonly number = (code: number): number => {
    let found = this.numbers.get(code);
    if (found === undefined) this.numbers.set(code, (found = this.numbers.size));
    return found;
  };
  private readonly characters: boolean;
  /** Each text's grams, counted once: texts are compared with several others. */
  private readonly cache = new Map<string, Map<number, number>>();
  /** Each text's total rarity (its distinct grams' weights), for `similarity`. */
  private readonly mass = new Map<string, number>();

  constructor(texts: readonly string[], options: { characters?: boolean } = {}) {
    this.unseen = Math.log(texts.length + 1);
    this.characters = options.characters ?? false;
    const frequency = new Map<number, number>();
    for (const text of texts) for (const gram of this.gramsOf(text).keys()) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
    for (const [gram, count] of frequency) this.idf.set(gram, Math.log((texts.length + 1) / count));
  }

  private gramsOf(text: string): Map<number, number> {
    let found = this.cache.get(text);
    if (!found) this.cache.set(text, (found = grams(text, this.characters, this.number)));
    return found;
  }

  private weight(gram: number): number {
    return this.idf.get(gram) ?? this.unseen;
  }

  /** The probe's grams found in the text, each counted as often as the text uses it, weighted by rarity. */
  score(probe: string, text: string): number {
    const counts = this.gramsOf(text);
    let total = 0;
    for (const gram of this.gramsOf(probe).keys()) total += (counts.get(gram) ?? 0) * this.weight(gram);
    return total;
  }

  private massOf(text: string): number {
    let found = this.mass.get(text);
    if (found === undefined) {
      found = 0;
      for (const gram of this.gramsOf(text).keys()) found += this.weight(gram);
      this.mass.set(text, found);
    }
    return found;
  }

  /** 0..1: the rarity two texts share against what they hold (a geometric mean of both sides). */
  similarity(a: string, b: string): number {
    const [small, large] = this.gramsOf(a).size <= this.gramsOf(b).size ? [a, b] : [b, a];
    const other = this.gramsOf(large);
    let shared = 0;
    for (const gram of this.gramsOf(small).keys()) if (other.has(gram)) shared += this.weight(gram);
    const scale = Math.sqrt(this.massOf(a) * this.massOf(b));
    return scale > 0 ? shared / scale : 0;
  }

  /**
   * Each item's affinity to each label. A label's scores are first scaled against its own spread
   * over the items (a long byline full of rare names scores high everywhere), then each item's
   * scores are centred on their mean, so only its preferences between labels remain. `unit` is the
   * labels' mean spread: raw scores divided by it compare with the preferences.
   */
  preferences(items: readonly string[], labels: readonly string[]): { scores: number[][]; unit: number } {
    const raw = items.map((item) => labels.map((label) => this.score(label, item)));
    const scaled = raw.map((row) => [...row]);
    const spreads = labels.map((_, j) => {
      const column = raw.map((row) => row[j]!);
      const mean = column.reduce((sum, value) => sum + value, 0) / Math.max(1, column.length);
      const spread = Math.sqrt(column.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, column.length)) || 1;
      scaled.forEach((row, i) => (row[j] = (raw[i]![j]! - mean) / spread));
      return spread;
    });
    const scores = scaled.map((row) => {
      const mean = row.reduce((sum, value) => sum + value, 0) / Math.max(1, row.length);
      return row.map((value) => value - mean);
    });
    return { scores, unit: spreads.reduce((sum, value) => sum + value, 0) / Math.max(1, spreads.length) };
  }
}

/** Run-in headings and parallel openings are one short sentence: longer first sentences are cut. */
const OPENING_LENGTH = 24;

/** The first sentence of a paragraph, where run-in headings and parallel openings are. */
export function opening(text: string): string {
  const stop = text.search(/[。！？]/u);
  return (stop < 0 ? text : text.slice(0, stop + 1)).slice(0, OPENING_LENGTH);
}

export interface Segmentation {
  /** Index of the first item of each segment (segment j spans starts[j] .. starts[j+1]-1). */
  starts: number[];
  score: number;
}

/**
 * Split items into `scores[0].length` contiguous non-empty segments, segment j taking label j, to
 * maximise the items' scores plus a bonus for each segment start. `mustEnd[i]` makes item i the last
 * of its segment (an author's note closes its story). With `optionalFirst`, segment 0 may be empty.
 */
export function segment(
  scores: readonly (readonly number[])[],
  options: { startBonus?: readonly number[]; mustEnd?: readonly boolean[]; optionalFirst?: boolean } = {},
): Segmentation | undefined {
  const items = scores.length;
  const labels = scores[0]?.length ?? 0;
  if (labels === 0 || items < labels - (options.optionalFirst ? 1 : 0)) return undefined;
  const bonus = (i: number) => options.startBonus?.[i] ?? 0;
  const NONE = -Infinity;
  // best[i][j]: best score with items 0..i placed and item i in segment j
  const best = Array.from({ length: items }, () => new Array<number>(labels).fill(NONE));
  const cameFromNewSegment = Array.from({ length: items }, () => new Array<boolean>(labels).fill(false));
  best[0]![0] = scores[0]![0]!;
  if (options.optionalFirst && labels > 1) {
    best[0]![1] = scores[0]![1]! + bonus(0);
    cameFromNewSegment[0]![1] = true;
  }
  for (let i = 1; i < items; i++) {
    for (let j = 0; j < labels; j++) {
      const stay = options.mustEnd?.[i - 1] ? NONE : best[i - 1]![j]!;
      const open = j > 0 ? best[i - 1]![j - 1]! + bonus(i) : NONE;
      const previous = Math.max(stay, open);
      if (previous === NONE) continue;
      best[i]![j] = previous + scores[i]![j]!;
      cameFromNewSegment[i]![j] = open > stay;
    }
  }
  const score = best[items - 1]![labels - 1]!;
  if (score === NONE) return undefined;
  const starts = new Array<number>(labels).fill(0);
  for (let i = items - 1, j = labels - 1; i >= 0 && j > 0; i--) {
    if (cameFromNewSegment[i]![j]) starts[j--] = i;
  }
  return { starts, score };
}

/** All orders of `n` labels, the given order first; beyond `limit` labels only the given order. */
export function orders(n: number, limit = 5): number[][] {
  const identity = Array.from({ length: n }, (_, i) => i);
  if (n > limit) return [identity];
  const result: number[][] = [];
  const permute = (prefix: number[], rest: number[]) => {
    if (rest.length === 0) result.push(prefix);
    rest.forEach((value, k) => permute([...prefix, value], [...rest.slice(0, k), ...rest.slice(k + 1)]));
  };
  permute([], identity);
  return result;
}
