// The best path through a chain of positions, each with a few states, and for every state the best
// score of any path through it (max-marginals): the margin between readings that tells close calls.

export interface Chain {
  length: number;
  /** The states position t may take. */
  states(t: number): readonly number[];
  /** Score of state s at t after state p at t-1 (p is -1 at t = 0); -Infinity where impossible. */
  score(t: number, p: number, s: number): number;
  /** Score of ending the chain in state s. */
  final(s: number): number;
}

export interface Decoded {
  path: number[];
  best: number;
  /** The states of each position, and each one's best total over complete paths through it (max-marginals),
   *  all positions' in one array: position t's k-th state's at `offsets[t] + k`. */
  states: (readonly number[])[];
  marginals: number[];
  offsets: number[];
}

/** Scratch arrays of the passes, kept between pages and grown as needed: a typed array per page per pass is an off-heap allocation each. */
const scratch = {
  forward: new Float64Array(256),
  backward: new Float64Array(256),
  back: new Int32Array(256),
  transitions: new Float64Array(1024),
  at: new Int32Array(64),
  transitionAt: new Int32Array(64),
};

const room = <A extends Float64Array | Int32Array>(array: A, size: number, make: (size: number) => A): A => (array.length >= size ? array : make(Math.max(size, 2 * array.length)));

/**
 * Forward and backward passes: linear in the chain's length, quadratic in its states per position.
 * Scores live in flat typed arrays, one per pass, with each position's slice found by its offset:
 * a page's chain has hundreds of positions, and arrays per position were most of the cost.
 */
export function decode(chain: Chain): Decoded | undefined {
  const n = chain.length;
  if (n === 0) return { path: [], best: 0, states: [], marginals: [], offsets: [0] };
  const states = new Array<readonly number[]>(n);
  for (let t = 0; t < n; t++) states[t] = chain.states(t);
  // offsets of each position's states, and of each position's transitions from the one before
  // the scratch arrays in local constants: the loops below read them at every step
  const at = (scratch.at = room(scratch.at, n + 1, (size) => new Int32Array(size)));
  const transitionAt = (scratch.transitionAt = room(scratch.transitionAt, n + 1, (size) => new Int32Array(size)));
  for (let t = 0; t < n; t++) {
    at[t + 1] = at[t]! + states[t]!.length;
    transitionAt[t + 1] = transitionAt[t]! + (t > 0 ? states[t - 1]!.length * states[t]!.length : 0);
  }
  const size = at[n]!;
  const forward = (scratch.forward = room(scratch.forward, size, (size) => new Float64Array(size)));
  const backward = (scratch.backward = room(scratch.backward, size, (size) => new Float64Array(size)));
  const back = (scratch.back = room(scratch.back, size, (size) => new Int32Array(size)));
  const transitions = (scratch.transitions = room(scratch.transitions, transitionAt[n]!, (size) => new Float64Array(size)));
  forward.fill(-Infinity, 0, size);
  backward.fill(-Infinity, 0, size);
  back.fill(-1, 0, size);
  for (let k = 0; k < states[0]!.length; k++) forward[k] = chain.score(0, -1, states[0]![k]!);
  // each position's offsets read once into locals: a store into one typed array may alias a read of another for the JIT
  for (let t = 1; t < n; t++) {
    const here = states[t]!;
    const before = states[t - 1]!;
    const from = at[t - 1]!;
    const to = at[t]!;
    const moves = transitionAt[t]!;
    for (let k = 0; k < here.length; k++) {
      for (let q = 0; q < before.length; q++) {
        const previous = forward[from + q]!;
        if (previous === -Infinity) continue;
        // kept for the backward pass, which needs the same moves (and only these, see below)
        const score = (transitions[moves + q * here.length + k] = chain.score(t, before[q]!, here[k]!));
        const total = previous + score;
        if (total > forward[to + k]!) {
          forward[to + k] = total;
          back[to + k] = q;
        }
      }
    }
  }
  states[n - 1]!.forEach((s, k) => (backward[at[n - 1]! + k] = chain.final(s)));
  for (let t = n - 2; t >= 0; t--) {
    const here = states[t]!;
    const next = states[t + 1]!;
    const from = at[t]!;
    const to = at[t + 1]!;
    const moves = transitionAt[t + 1]!;
    for (let q = 0; q < here.length; q++) {
      // a state no path reaches keeps -Infinity: its max-marginal is -Infinity whatever follows, and no
      // reachable state before it moves to it (or it would be reached); so every move read here was scored forward
      if (forward[from + q] === -Infinity) continue;
      for (let k = 0; k < next.length; k++) {
        const following = backward[to + k]!;
        if (following === -Infinity) continue;
        const total = transitions[moves + q * next.length + k]! + following;
        if (total > backward[from + q]!) backward[from + q] = total;
      }
    }
  }
  const marginals = new Array<number>(size);
  for (let k = 0; k < size; k++) marginals[k] = forward[k]! + backward[k]!;
  const offsets = new Array<number>(n + 1);
  for (let t = 0; t <= n; t++) offsets[t] = at[t]!;
  let last = -1;
  let best = -Infinity;
  for (let k = 0; k < states[n - 1]!.length; k++) {
    const total = forward[at[n - 1]! + k]! + backward[at[n - 1]! + k]!;
    if (total > best) [best, last] = [total, k];
  }
  if (last < 0) return undefined;
  const path = new Array<number>(n);
  for (let t = n - 1, k = last; t >= 0; t--) {
    path[t] = states[t]![k]!;
    k = back[at[t]! + k]!;
  }
  return { path, best, states, marginals, offsets };
}

/** How sure a choice is from its margin over the best alternative: a tie is 0.5, a wide margin near 1. */
export function confidenceOf(margin: number): number {
  return Number.isFinite(margin) ? 1 - 0.5 * Math.exp(-Math.max(0, margin)) : 1;
}

/** The margin of the chosen state at one position over its best rival among `rivals` (all others by default). */
export function marginAt(decoded: Decoded, t: number, rivals: (state: number) => boolean = (s) => s !== decoded.path[t]): number {
  let rival = -Infinity;
  const states = decoded.states[t]!;
  for (let k = 0; k < states.length; k++) if (rivals(states[k]!)) rival = Math.max(rival, decoded.marginals[decoded.offsets[t]! + k]!);
  return decoded.best - rival;
}
