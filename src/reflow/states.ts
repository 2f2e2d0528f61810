// The page model's states, as small integers. Column units: O (no head yet), A (the text of a head
// before it), B (of a head after it); with a multi-head cluster beside, AM(j)/BM(j) say which of its
// heads. Clusters: T(p), the first p heads take the text before and the rest the text after; H(x),
// a section heading inside state x.
import type { PageItem } from "../types.ts";

export const O = 0;
export const AS = 1;
export const BS = 2;
/** The text of a lone head before it, before any of that text came: the head still has none. */
export const AS0 = 3;
export const MAX_HEADS = 16;
export const AM = (j: number) => 10 + j;
export const BM = (j: number) => 10 + MAX_HEADS + j;
export const T = (p: number) => 100 + p;
/** A cluster read in its merged form (one two-line title): TM(p) as T(p) for its single head. */
export const TM = (p: number) => 180 + p;
export const H = (x: number) => 200 + x;
export const isA = (s: number) => s === AS || s === AS0 || (s >= AM(0) && s < BM(0));
export const isB = (s: number) => s === BS || (s >= BM(0) && s < T(0));
/** How many of a cluster's heads take the text before it, in the reading s. */
export const beforeOf = (s: number) => (s >= TM(0) ? s - TM(0) : s - T(0));
export const headOf = (s: number) => (s >= BM(0) ? s - BM(0) : s >= AM(0) ? s - AM(0) : 0);

/** What a position's states depend on: the heads of the multi-head clusters before and after it, and its own cluster's shape (none for a unit). */
export interface StateShape {
  before: number;
  after: number;
  cluster?: { heads: number; merged: boolean; anchored: boolean };
}

/** State lists by shape: the same few recur on every page, so each is made once and shared (read-only). */
const stateLists = new Map<number, readonly number[]>();

/** The states a position of this shape may take (heads counted up to `MAX_HEADS`). */
export function statesOf({ before, after, cluster }: StateShape): readonly number[] {
  const key = ((before * (MAX_HEADS + 1) + after) * (MAX_HEADS + 2) + (cluster ? cluster.heads + 1 : 0)) * 4 + (cluster?.merged ? 2 : 0) + (cluster?.anchored ? 1 : 0);
  let states = stateLists.get(key);
  if (!states) stateLists.set(key, (states = listStates(before, after, cluster)));
  return states;
}

function listStates(before: number, after: number, cluster: StateShape["cluster"]): number[] {
  const body = [O, AS, BS, AS0, ...range(before).map(AM), ...range(after).map(BM)];
  if (!cluster) return body.filter((s) => s !== AS0);
  const titles = [...range(cluster.heads + 1).map(T), ...(cluster.merged ? [TM(0), TM(1)] : [])];
  return cluster.anchored ? titles : [...titles, ...body.map(H)];
}

/** For each position, the nearest cluster of at least `heads` heads in one direction (step 1: before, -1: after),
 *  passing over the clusters `skip` marks. */
export function nearest(items: readonly PageItem[], step: 1 | -1, heads: number, skip?: readonly boolean[]): number[] {
  const result = new Array<number>(items.length).fill(-1);
  let last = -1;
  for (let k = 0; k < items.length; k++) {
    const t = step === 1 ? k : items.length - 1 - k;
    result[t] = last;
    const item = items[t]!;
    if (item.kind === "cluster" && item.cluster.heads.length >= heads && !skip?.[t]) last = t;
  }
  return result;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
