// Which body does a displaced headline or byline belong to? The words they share: a unit named in a
// byline recurs in its speech, a section heading repeats its section's key words. Rare words count most.
import { GramTable, type TextGrams, grow } from "./grams.ts";

/**
 * The counts of one text's grams by gram number (where `filledBy` holds its serial, unique across
 * tables), for lookups, and a count of grams over a page's texts: scratch shared by every `Affinity`
 * of the process, not allocated per page.
 */
const scratch = {
  filledBy: new Int32Array(1024) as Int32Array,
  filledCounts: new Int32Array(1024) as Int32Array,
  lastFilled: -1,
  frequency: new Int32Array(1024) as Int32Array,
};

/** Grams a page's table has room for from the start. */
const TABLE_START = 4096;

/**
 * Inverse document frequency of grams over the texts of one page. Bylines name units and places,
 * which bigrams catch; a section heading names a theme whose characters recur in the section's
 * compounds (`学习型` → 学习, 学员, 学法), so `characters` counts single characters as well.
 * Grams are dense numbers (see `GramTable`), so weights and lookups are arrays by number, not maps.
 */
export class Affinity {
  private readonly table: GramTable;
  private readonly characters: boolean;
  /** Weights of the grams the page's texts hold, by gram number; a gram none holds is rarest of all. */
  private readonly idf: number[];
  private readonly unseen: number;
  /** Each text's grams by text, counted once (texts are compared with several others): made on the first
   *  lookup by text, which the page model never does (a `Map` per page is no small allocation). */
  private cache: Map<string, TextGrams> | undefined;
  /** The texts it was made with and their grams, by index: no text is keyed (hashed) until one is looked up by text. */
  private readonly texts: readonly string[];
  private readonly textGrams: TextGrams[];

  /** The grams of each text's prefix asked for (`prefixes`), by index. */
  private readonly prefixGrams: (TextGrams | undefined)[] = [];

  /** `prefixes`: for each text, how many of its first code units to keep the grams of as well (-1: none), counted in the same scan. */
  constructor(texts: readonly string[], options: { characters?: boolean; prefixes?: readonly number[] } = {}) {
    this.unseen = Math.log(texts.length + 1);
    this.characters = options.characters ?? false;
    // room from the start for a small page's grams (about half its characters); a long page's distinct
    // bigrams are a small share of its characters (a sixth at 30 KB, a twentieth at 100 KB): its table
    // grows as they come, instead of being sized (and zeroed) by characters
    this.table = new GramTable(Math.min(texts.reduce((sum, text) => sum + text.length, 0) + 1, TABLE_START));
    this.texts = texts;
    const all = (this.textGrams = texts.map((text, index) => {
      const prefix = options.prefixes?.[index] ?? -1;
      if (prefix < 0) return this.countGrams(text);
      const [whole, head] = this.table.gramsWithPrefix(text, this.characters, prefix);
      this.prefixGrams[index] = head;
      return whole;
    }));
    const size = this.table.size;
    if (scratch.frequency.length < size) scratch.frequency = new Int32Array(2 * size);
    const frequency = scratch.frequency.fill(0, 0, size);
    for (const { ids } of all) for (const id of ids) frequency[id]!++;
    this.idf = new Array<number>(size);
    // grams share few distinct frequencies (1 to the number of texts): each one's logarithm is taken once,
    // all of them first (a page has tens of texts and hundreds of grams), so the loop over grams only looks one up
    const logs = new Array<number>(texts.length + 1);
    for (let count = 0; count <= texts.length; count++) logs[count] = Math.log((texts.length + 1) / count);
    for (let id = 0; id < size; id++) this.idf[id] = logs[frequency[id]!]!;
  }

  /** The grams of the `index`th text it was made with. */
  gramsAt(index: number): TextGrams {
    return this.textGrams[index]!;
  }

  /** The grams of the prefix of the `index`th text it was made with, if it was asked for. */
  prefixGramsAt(index: number): TextGrams | undefined {
    return this.prefixGrams[index];
  }

  /** A text's grams, counted once: to compare a text with several others, keep them. */
  gramsOf(text: string): TextGrams {
    let cache = this.cache;
    if (!cache) {
      cache = this.cache = new Map();
      this.texts.forEach((known, index) => cache!.has(known) || cache!.set(known, this.textGrams[index]!));
    }
    let found = cache.get(text);
    if (!found) cache.set(text, (found = this.countGrams(text)));
    return found;
  }

  /** A text's grams counted afresh, not kept: for a text compared once or kept by the caller. */
  countGrams(text: string): TextGrams {
    return this.table.gramsOf(text, this.characters);
  }

  private weight(id: number): number {
    return id < this.idf.length ? this.idf[id]! : this.unseen;
  }

  /** Make `grams` the text that lookups answer for (call after every `gramsOf` of the comparison). */
  private fill(grams: TextGrams): void {
    if (scratch.filledBy.length < this.table.size) {
      const size = Math.max(this.table.size, 2 * scratch.filledBy.length);
      scratch.filledBy = grow(scratch.filledBy, size);
      scratch.filledCounts = grow(scratch.filledCounts, size);
    }
    if (scratch.lastFilled === grams.serial) return; // each fill overwrites: only the last one stands whole
    scratch.lastFilled = grams.serial;
    const { filledBy, filledCounts } = scratch;
    for (let k = 0; k < grams.ids.length; k++) {
      filledBy[grams.ids[k]!] = grams.serial;
      filledCounts[grams.ids[k]!] = grams.counts[k]!;
    }
  }

  private countIn(grams: TextGrams, id: number): number {
    return scratch.filledBy[id] === grams.serial ? scratch.filledCounts[id]! : 0;
  }

  /** The probe's grams found in the text, each counted as often as the text uses it, weighted by rarity. */
  score(probe: string, text: string): number {
    return this.scoreOf(this.gramsOf(probe), this.gramsOf(text));
  }

  /** `score` of texts whose grams are at hand. */
  scoreOf(probeGrams: TextGrams, textGrams: TextGrams): number {
    this.fill(textGrams);
    let total = 0;
    for (const id of probeGrams.ids) total += this.countIn(textGrams, id) * this.weight(id);
    return total;
  }

  private massOf(grams: TextGrams): number {
    if (grams.mass === undefined) {
      let mass = 0; // summed in a local: a sum kept in the object boxed a number per gram
      for (const id of grams.ids) mass += this.weight(id);
      grams.mass = mass;
    }
    return grams.mass;
  }

  /** 0..1: the rarity two texts (their grams) share against what they hold (a geometric mean of both sides). */
  similarity(first: TextGrams, second: TextGrams): number {
    // no arrays to destructure here: this runs for every pair of neighbouring paragraphs
    const firstSmaller = first.ids.length <= second.ids.length;
    const small = firstSmaller ? first : second;
    const large = firstSmaller ? second : first;
    this.fill(large);
    let shared = 0;
    for (const id of small.ids) if (this.countIn(large, id) > 0) shared += this.weight(id);
    const scale = Math.sqrt(this.massOf(first) * this.massOf(second));
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
  return text.slice(0, openingLength(text));
}

/** How many code units `opening` keeps: the page model counts an opening's grams in its text's scan, with no slice. */
export function openingLength(text: string): number {
  // only the first characters can hold the opening: a long paragraph is not searched through for its first
  // stop (read by code: the page model asks this of every unit)
  const end = Math.min(text.length, OPENING_LENGTH);
  for (let i = 0; i < end; i++) if (isSentenceStop(text.charCodeAt(i))) return i + 1;
  return end;
}
/** `。`, `！`, `？`: single code units. */
const isSentenceStop = (code: number) => code === 0x3002 || code === 0xff01 || code === 0xff1f;

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
  // (the bonus read where it is used, not by a closure per call: under tsx each named closure made costs a `defineProperty`)
  const startBonus = options.startBonus ?? [];
  const NONE = -Infinity;
  // best[i][j]: best score with items 0..i placed and item i in segment j
  const best = Array.from({ length: items }, () => new Array<number>(labels).fill(NONE));
  const cameFromNewSegment = Array.from({ length: items }, () => new Array<boolean>(labels).fill(false));
  best[0]![0] = scores[0]![0]!;
  if (options.optionalFirst && labels > 1) {
    best[0]![1] = scores[0]![1]! + (startBonus[0] ?? 0);
    cameFromNewSegment[0]![1] = true;
  }
  for (let i = 1; i < items; i++) {
    for (let j = 0; j < labels; j++) {
      const stay = options.mustEnd?.[i - 1] ? NONE : best[i - 1]![j]!;
      const open = j > 0 ? best[i - 1]![j - 1]! + (startBonus[i] ?? 0) : NONE;
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
