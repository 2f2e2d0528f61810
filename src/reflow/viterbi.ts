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
  /** For each position, each state's best total over complete paths through it. */
  marginals: Map<number, number>[];
}

/** Forward and backward passes: linear in the chain's length, quadratic in its states per position. */
export function decode(chain: Chain): Decoded | undefined {
  const n = chain.length;
  if (n === 0) return { path: [], best: 0, marginals: [] };
  const states = Array.from({ length: n }, (_, t) => chain.states(t));
  const forward: Float64Array[] = [];
  const back: Int32Array[] = [];
  // scores of each transition into t (row: state at t-1, column: state at t), kept from the forward
  // pass for the backward one, which would otherwise ask the chain for every one of them again
  const transitions: Float64Array[] = [];
  const transition = (t: number, q: number, k: number): number => {
    const scores = transitions[t]!;
    const at = q * states[t]!.length + k;
    let score = scores[at]!;
    if (Number.isNaN(score)) scores[at] = score = chain.score(t, states[t - 1]![q]!, states[t]![k]!);
    return score;
  };
  for (let t = 0; t < n; t++) {
    const here = states[t]!;
    const alpha = new Float64Array(here.length).fill(-Infinity);
    const from = new Int32Array(here.length).fill(-1);
    const before = t > 0 ? states[t - 1]! : [];
    transitions.push(new Float64Array(before.length * here.length).fill(Number.NaN));
    const previousAlpha = forward[t - 1];
    for (let k = 0; k < here.length; k++) {
      if (t === 0) {
        alpha[k] = chain.score(0, -1, here[k]!);
        continue;
      }
      for (let q = 0; q < before.length; q++) {
        const previous = previousAlpha![q]!;
        if (previous === -Infinity) continue;
        const total = previous + transition(t, q, k);
        if (total > alpha[k]!) {
          alpha[k] = total;
          from[k] = q;
        }
      }
    }
    forward.push(alpha);
    back.push(from);
  }
  const backward: Float64Array[] = new Array(n);
  backward[n - 1] = Float64Array.from(states[n - 1]!, (s) => chain.final(s));
  for (let t = n - 2; t >= 0; t--) {
    const here = states[t]!;
    const next = states[t + 1]!;
    const nextBeta = backward[t + 1]!;
    const beta = new Float64Array(here.length).fill(-Infinity);
    for (let q = 0; q < here.length; q++) {
      for (let k = 0; k < next.length; k++) {
        if (nextBeta[k] === -Infinity) continue;
        const total = transition(t + 1, q, k) + nextBeta[k]!;
        if (total > beta[q]!) beta[q] = total;
      }
    }
    backward[t] = beta;
  }
  const marginals = states.map((here, t) => new Map(here.map((s, k) => [s, forward[t]![k]! + backward[t]![k]!])));
  let last = -1;
  let best = -Infinity;
  forward[n - 1]!.forEach((alpha, k) => {
    const total = alpha + backward[n - 1]![k]!;
    if (total > best) [best, last] = [total, k];
  });
  if (last < 0) return undefined;
  const path = new Array<number>(n);
  for (let t = n - 1, k = last; t >= 0; t--) {
    path[t] = states[t]![k]!;
    k = back[t]![k]!;
  }
  return { path, best, marginals };
}

/** How sure a choice is from its margin over the best alternative: a tie is 0.5, a wide margin near 1. */
export function confidenceOf(margin: number): number {
  return Number.isFinite(margin) ? 1 - 0.5 * Math.exp(-Math.max(0, margin)) : 1;
}

/** The margin of the chosen state at one position over its best rival among `rivals` (all others by default). */
export function marginAt(decoded: Decoded, t: number, rivals: (state: number) => boolean = (s) => s !== decoded.path[t]): number {
  let rival = -Infinity;
  for (const [state, total] of decoded.marginals[t]!) if (rivals(state)) rival = Math.max(rival, total);
  return decoded.best - rival;
}
