// One model of the whole page: a reading assigns every column unit to a story and decides, for each
// cluster of heads, whether its heads are titles standing before or after their text, or (for a lone
// head with no byline, kicker or deck) a section heading. The best reading is found by `decode`.
import type { Cluster, PageItem, Unit } from "../types.ts";
import { breakCosts } from "./breaks.ts";
import { LETTER_SPACED, closesStory, isNumbered } from "./signals.ts";
import type { TextGrams } from "./grams.ts";
import { Affinity, openingLength } from "./similarity.ts";
import { headText } from "./heads.ts";
import { AM, AS, AS0, BM, BS, H, MAX_HEADS, O, T, TM, beforeOf, headOf, isA, isB, nearest, statesOf } from "./states.ts";
import type { Chain } from "./viterbi.ts";
import { WEIGHTS, captionedAfter, loneHeads, signedAfter } from "./weights.ts";

/** `Math.max(...values)`, folded: no call with a spread array per emission. */
const largest = (values: readonly number[]) => values.reduce((result, value) => Math.max(result, value), -Infinity);

const isText = (unit: Unit) => unit.role === "paragraph" || unit.role === "caption" || unit.role === "heading";

export class PageModel implements Chain {
  readonly length: number;
  /** For each item, the nearest cluster of several heads before / after it (-1: none). */
  private readonly multiBefore: number[];
  private readonly multiAfter: number[];
  private readonly affinity: Affinity;
  /** For each item, the nearest cluster before / after it. */
  private readonly clusterBefore: number[];
  private readonly clusterAfter: number[];
  /** For each item, whether it is a set of numbered bare heads (passed over by the nearest clusters above). */
  private readonly sections: boolean[];
  /** Each unit item's affinity to the heads of the clusters around it (cluster → a score per head), and its best. */
  private readonly affinities: ([cluster: number, row: number[]][] | undefined)[];
  private readonly favourite: number[];
  private readonly stateLists: (readonly number[])[];
  /** What reading an unanchored cluster as titles earns: less where the page's other heads carry bylines. */
  private readonly titlePrior: number;
  /** What a story break costs between item t-1 and item t (units), and across the cluster at t. */
  private readonly breaks: number[];
  /** For each unanchored cluster, whether no other heading could stand between the titles around it. */
  private readonly lone: boolean[];
  /** Each unit item's grams, its opening's, and whether it closes its story: asked at every step, worked out once. */
  private readonly grams: (TextGrams | undefined)[];
  private readonly openings: (TextGrams | undefined)[];
  private readonly closes: boolean[];
  /** How many heads each cluster has, up to `MAX_HEADS`. */
  private readonly headCounts: number[];
  /** Each cluster's heads' texts (the decisions quote them too), and whether a head of it is numbered or has a letter-spaced title line. */
  readonly headTexts: string[][];
  private readonly firstText: number[];
  private readonly numbered: boolean[];
  private readonly spaced: boolean[];
  /** For each cluster, whether it is one line offered as two titles side by side. */
  private readonly sideBySide: boolean[];
  /** For each cluster, whether a signature stands in the text after it, before the next cluster. */
  private readonly signedAfter: boolean[];
  /** For each cluster, whether a photo caption stands in the text after it, before the next cluster. */
  private readonly photoAfter: boolean[];

  constructor(private readonly items: readonly PageItem[]) {
    this.length = items.length;
    // (counted once: the decoder asks at every move, and items and clusters come in several shapes, each read a lookup)
    this.headCounts = items.map((item) => (item.kind === "cluster" ? Math.min(MAX_HEADS, item.cluster.heads.length) : 0));
    this.headTexts = items.map((item) => (item.kind === "cluster" ? item.cluster.heads.map(headText) : []));
    // a loop, not `flatMap`: V8 runs flatMap and flat on a generic slow path, about ten times a loop's cost
    const texts: string[] = [];
    // each unit's opening (a prefix of its text) has its grams counted in the same scan as the text's
    const prefixes: number[] = [];
    items.forEach((item, t) => {
      if (item.kind === "unit") {
        texts.push(item.unit.text);
        prefixes.push(openingLength(item.unit.text));
      } else {
        texts.push(...this.headTexts[t]!);
        prefixes.push(...this.headTexts[t]!.map(() => -1));
      }
    });
    this.affinity = new Affinity(texts, { prefixes });
    // each item's first text in `texts`: its grams are looked up by place, not by text
    let next = 0;
    this.firstText = items.map((item, t) => {
      const first = next;
      next += item.kind === "unit" ? 1 : this.headTexts[t]!.length;
      return first;
    });
    this.grams = items.map((item, t) => (item.kind === "unit" ? this.affinity.gramsAt(this.firstText[t]!) : undefined));
    this.openings = items.map((item, t) => (item.kind === "unit" ? this.affinity.prefixGramsAt(this.firstText[t]!) : undefined));
    this.closes = items.map((item) => item.kind === "unit" && closesStory(item.unit));
    this.numbered = items.map((item) => item.kind === "cluster" && item.cluster.heads.some((head) => isNumbered(head.titles[0]?.text ?? "")));
    this.spaced = items.map((item) => item.kind === "cluster" && item.cluster.heads.some((head) => head.titles.some((unit) => LETTER_SPACED.test(unit.text))));
    this.signedAfter = signedAfter(items);
    this.photoAfter = captionedAfter(items);
    this.sideBySide = items.map((item) => item.kind === "cluster" && item.cluster.merged !== undefined && item.cluster.heads[0]?.titles[0]?.firstLine === item.cluster.heads[1]?.titles[0]?.firstLine);
    // numbered bare heads printed together are most likely a set of sections displaced to their story's end:
    // the text beyond them weighs its words against the titles on either side of them
    this.sections = items.map((item, t) => this.numbered[t]! && item.kind === "cluster" && !item.cluster.anchored && !item.cluster.merged && item.cluster.heads.length > 1);
    this.multiBefore = nearest(items, 1, 2, this.sections);
    this.multiAfter = nearest(items, -1, 2, this.sections);
    this.clusterBefore = nearest(items, 1, 1, this.sections);
    this.clusterAfter = nearest(items, -1, 1, this.sections);
    this.affinities = new Array(items.length).fill(undefined);
    items.forEach((item, c) => {
      if (item.kind === "cluster") this.prefer(c);
    });
    // only heads that are surely titles set the bar: a bare head may be a section heading, which
    // shares its section's words by design
    this.favourite = this.affinities.map((rows) => {
      let favourite = 0;
      if (rows) for (const [c, row] of rows) if (this.isFixed(c)) for (const score of row) favourite = Math.max(favourite, score);
      return favourite;
    });
    this.stateLists = items.map((_, t) => this.enumerate(t));
    const clusters = items.filter((item) => item.kind === "cluster");
    const anchored = clusters.filter((item) => item.cluster.anchored).length / Math.max(1, clusters.length);
    this.titlePrior = WEIGHTS.title - WEIGHTS.siblings * anchored;
    this.lone = loneHeads(items);
    this.breaks = breakCosts({ items, affinity: this.affinity, grams: this.grams, openings: this.openings, closes: this.closes });
  }

  private heads(c: number): number {
    return c < 0 ? 0 : this.headCounts[c]!;
  }

  /**
   * Affinities of the units on both sides of a cluster for its heads: up to the next cluster, or for
   * a cluster of several heads up to the next such cluster or a surely titled one.
   */
  private prefer(c: number): void {
    const heads = (this.items[c] as { cluster: Cluster }).cluster.heads.slice(0, MAX_HEADS);
    const multi = heads.length > 1;
    // the units of its window, each with its scores for the heads (loops, no window filtered, rows made at their size)
    const units: number[] = [];
    for (let t = c - 1; t >= 0 && this.reaches(c, multi, t, this.clusterAfter, this.multiAfter); t--) if (this.items[t]!.kind === "unit") units.push(t);
    for (let t = c + 1; t < this.length && this.reaches(c, multi, t, this.clusterBefore, this.multiBefore); t++) if (this.items[t]!.kind === "unit") units.push(t);
    const raw = new Array<number[]>(units.length);
    for (let k = 0; k < units.length; k++) {
      const row = new Array<number>(heads.length);
      for (let j = 0; j < heads.length; j++) row[j] = this.affinity.scoreOf(this.affinity.gramsAt(this.firstText[c]! + j), this.grams[units[k]!]!);
      raw[k] = row;
    }
    // a head full of rare names scores high everywhere: each head is scaled against its own spread
    // (in loops, with no column array nor closures per head: this runs for every cluster of a page)
    const count = Math.max(1, raw.length);
    for (let j = 0; j < heads.length; j++) {
      let sum = 0;
      for (const row of raw) sum += row[j]!;
      const mean = sum / count;
      let squares = 0;
      for (const row of raw) squares += (row[j]! - mean) ** 2;
      const spread = Math.sqrt(squares / count) || 1;
      for (const row of raw) row[j] = (row[j]! - mean) / spread;
    }
    // a few clusters at most reach a unit: a list of them, not a map per unit (its first entry in a list of one:
    // an empty list grown by push starts with room for 17)
    for (let k = 0; k < units.length; k++) this.affinities[units[k]!]?.push([c, raw[k]!]) ?? (this.affinities[units[k]!] = [[c, raw[k]!]]);
  }

  /** Item t is in the window of cluster c's preferences (a method, not a closure per cluster: under tsx each named closure made costs a `defineProperty`). */
  private reaches(c: number, multi: boolean, t: number, near: number[], far: number[]): boolean {
    return multi ? far[t] === c && !(this.items[t]!.kind === "cluster" && this.isFixed(t)) : near[t] === c && (this.items[t]!.kind === "unit" || this.sections[t]!);
  }

  /** An anchored cluster is surely titles: the window of preferences stops there. */
  private isFixed(t: number): boolean {
    return (this.items[t] as { cluster: Cluster }).cluster.anchored;
  }

  /** The states of position t: the same few lists recur on every page, so each is made once (see `stateLists`). */
  private enumerate(t: number): readonly number[] {
    const item = this.items[t]!;
    const cluster = item.kind === "cluster" ? { heads: this.heads(t), merged: item.cluster.merged !== undefined, anchored: item.cluster.anchored } : undefined;
    return statesOf({ before: this.heads(this.multiBefore[t]!), after: this.heads(this.multiAfter[t]!), cluster });
  }

  states(t: number): readonly number[] {
    return this.stateLists[t]!;
  }

  /** How many heads a cluster has in the reading s (its merged reading has one). */
  private headsIn(t: number, s: number): number {
    return s >= TM(0) && s < H(0) ? 1 : this.heads(t);
  }

  /** The state a position leaves to the next one: a cluster's text side, or the state a heading sits in. */
  private out(t: number, s: number): number {
    if (s >= H(0)) return s - H(0);
    if (s < T(0)) return s;
    const p = beforeOf(s);
    const r = this.headsIn(t, s);
    return p === r ? O : r === 1 ? AS0 : AM(p);
  }

  score(t: number, p: number, s: number): number {
    const item = this.items[t]!;
    return item.kind === "unit" ? this.unitScore(t, item.unit, p, s) : this.clusterScore(t, item.cluster, p, s);
  }

  /** The last emission worked out: the decoder asks for one state after each state before it in turn. */
  private emitted = { t: -1, s: -1, score: 0 };

  private unitScore(t: number, unit: Unit, p: number, s: number): number {
    const emitted = this.emitted;
    if (emitted.t !== t || emitted.s !== s) {
      emitted.score = s === O ? (isText(unit) ? -WEIGHTS.orphanText : -1) : this.preference(t, s) - ((unit.role === "byline" || unit.role === "signature") && this.bylined(t, s) ? WEIGHTS.secondByline : 0);
      emitted.t = t;
      emitted.s = s;
    }
    const emission = emitted.score;
    const opens = s === O || s === BS || s === BM(0);
    if (p < 0) return opens ? emission : -Infinity;
    const x = this.out(t - 1, p);
    const previous = this.items[t - 1]!;
    if (previous.kind === "cluster") {
      // a head opens its text right after it; after a head that took the text before, anything may start
      if (x === O) return opens ? emission : -Infinity;
      if (s === x || (x === AS0 && s === AS)) return emission;
      // a set of section headings printed together at their story's end (displaced there): text whose head
      // stands after it may follow, at the cost of a break between the texts around them
      if (p < H(0) || !isB(s) || this.heads(t - 1) < 2) return -Infinity;
    }
    if (s === x) return emission - (this.closes[t - 1] ? WEIGHTS.pastClose : 0);
    const next = isA(x) && isA(s) && s === x + 1 && x >= AM(0);
    const nextB = isB(x) && isB(s) && s === x + 1 && x >= BM(0);
    const toB = (isA(x) || x === O) && (s === BS || s === BM(0));
    if (!next && !nextB && !toB) return -Infinity;
    const left = isA(x) && x >= AM(0) && toB ? this.heads(this.multiBefore[t]!) - 1 - headOf(x) : 0;
    const cost = previous.kind === "cluster" ? this.breaks[t - 1]! : this.breaks[t]!;
    return emission - cost - (isA(x) && toB ? WEIGHTS.switch : 0) - left * WEIGHTS.orphanHead;
  }

  /** The head the state s gives unit t already has a byline of its own. */
  private bylined(t: number, s: number): boolean {
    const c = s === AS ? this.clusterBefore[t] : s === BS ? this.clusterAfter[t] : isA(s) ? this.multiBefore[t] : this.multiAfter[t];
    const heads = c === undefined || c < 0 ? [] : (this.items[c] as { cluster: Cluster }).cluster.heads;
    return heads[Math.min(headOf(s), heads.length - 1)]?.byline !== undefined;
  }

  /** A unit's affinity to the head its state gives it, measured from its favourite head around it (never above 0). */
  private preference(t: number, s: number): number {
    const cluster = s === AS ? this.clusterBefore[t] : s === BS ? this.clusterAfter[t] : isA(s) ? this.multiBefore[t] : this.multiAfter[t];
    const row = this.affinityRow(t, cluster!);
    // a lone head that may be two printed together: as one two-line title it holds both lines' words
    const merged = (s === AS || s === BS) && row && (this.items[cluster!] as { cluster: Cluster }).cluster.merged;
    const score = merged ? largest(row) : row?.[headOf(s)];
    return score === undefined ? 0 : WEIGHTS.affinity * Math.min(0, score - this.favourite[t]!);
  }

  /** Unit t's affinities to the heads of cluster c, if it has them. (A loop, not `find` with a closure made per call:
   *  this runs for every state of every unit.) */
  private affinityRow(t: number, c: number): number[] | undefined {
    const entries = this.affinities[t]; // (no empty array made for a unit no cluster reaches)
    if (entries) for (const entry of entries) if (entry[0] === c) return entry[1];
    return undefined;
  }

  private clusterScore(t: number, cluster: Cluster, p: number, s: number): number {
    const x = p < 0 ? undefined : this.out(t - 1, p);
    const previousIsCluster = t > 0 && this.items[t - 1]!.kind === "cluster" && p < H(0);
    if (s >= H(0)) {
      const inside = s - H(0);
      if (x === undefined || x !== inside) return -Infinity;
      const captioned = this.photoAfter[t]!;
      // a signature under it would close the story before, which has a byline already: this is a title
      const signed = !this.numbered[t] && isA(inside) && this.signedAfter[t]! && this.bylined(t, inside);
      // one heading with no text after it would be a story's only section, displaced to its end: a title of the text before
      const headless = this.items[t + 1]?.kind !== "unit" && cluster.heads.length === 1;
      return (this.numbered[t] ? WEIGHTS.numbered : 0) - (this.lone[t] || headless ? WEIGHTS.loneHeading : 0) - (captioned ? WEIGHTS.captioned : 0) - (signed ? WEIGHTS.secondByline : 0);
    }
    const r = this.headsIn(t, s);
    const before = beforeOf(s);
    // one line of two phrases: read as one title it weighs against a section heading as any line does, and
    // the split reading pays for the second story instead
    const merging = this.sideBySide[t] ? (s < TM(0) ? -WEIGHTS.merged : 0) : s >= TM(0) ? WEIGHTS.merged : 0;
    let score = merging + (cluster.anchored ? 0 : this.titlePrior) - (this.numbered[t] ? WEIGHTS.numbered : 0);
    if (!cluster.anchored && this.spaced[t]) score += WEIGHTS.spaced;
    // the text before: the last `before` heads of it are this cluster's, in order
    if (x !== undefined && isB(x)) {
      if (before === 0) return -Infinity;
      const j = headOf(x);
      if ((x === BS) !== (r === 1) || j > before - 1) return -Infinity;
      score -= (before - 1 - j) * WEIGHTS.orphanHead;
    } else {
      score -= before * WEIGHTS.orphanHead;
      // the story before ends here: heads before with no text of their own go wanting
      if (x !== undefined && isA(x)) {
        const owner = previousIsCluster ? t - 1 : this.multiBefore[t]!;
        const left = x === AS || x === AS0 ? 0 : this.heads(owner) - 1 - headOf(x);
        score -= (left + (x === AS0 || (x >= AM(0) && previousIsCluster) ? 1 : 0)) * WEIGHTS.orphanHead;
      }
    }
    // a title parts the text around it: it costs what a break between them costs
    return score - (this.breaks[t]! - WEIGHTS.break);
  }

  final(s: number): number {
    const t = this.length - 1;
    if (s >= H(0)) return this.final(s - H(0));
    if (isB(s)) return -Infinity;
    const x = this.out(t, s);
    if (s === AS0) return -WEIGHTS.orphanHead;
    if (s >= T(0)) return x === O ? 0 : -(this.headsIn(t, s) - beforeOf(s)) * WEIGHTS.orphanHead;
    if (s >= AM(0) && s < BM(0)) return -(this.heads(this.multiBefore[t]!) - 1 - headOf(s)) * WEIGHTS.orphanHead;
    return 0;
  }
}
