// The reflow: a chain of small passes over one shared state, like markdown-it's core rules.
// Each pass reads what earlier passes left in the state and adds its own part.
import type { ReflowResult, ReflowState } from "../types.ts";
import { assemble } from "./assemble.ts";
import { blocks } from "./blocks.ts";
import { classify } from "./classify.ts";
import { heads } from "./heads.ts";
import { lines } from "./lines.ts";
import { normalize } from "./normalize.ts";
import { paragraphs } from "./paragraphs.ts";
import { read } from "./reading.ts";

export type Pass = (state: ReflowState) => void;

/** The passes, in the order they run. */
export const passes: ReadonlyArray<readonly [name: string, pass: Pass]> = [
  ["normalize", normalize],
  ["lines", lines],
  ["blocks", blocks],
  ["paragraphs", paragraphs],
  ["classify", classify],
  ["heads", heads],
  ["read", read],
  ["assemble", assemble],
];

export function createState(raw: string): ReflowState {
  return {
    raw,
    text: "",
    lines: [],
    blankLinesMeaningful: true,
    blocks: [],
    units: [],
    items: [],
    reading: { clusters: new Map(), owners: [] },
    stories: [],
    credits: [],
    decisions: [],
  };
}

/** Run a chain of passes over `state`, up to and including `until` (all by default). The PDF front end runs its own chain the same way. */
export function runChain<S>(state: S, chain: ReadonlyArray<readonly [name: string, pass: (state: S) => void]>, until?: string): S {
  for (const [name, pass] of chain) {
    pass(state);
    if (name === until) break;
  }
  return state;
}

/** Run the passes up to and including `until` (all by default): for tests and tools. */
export function runPasses(raw: string, until?: string): ReflowState {
  return runChain(createState(raw), passes, until);
}

/** Reflow one page of extracted text into its stories and credits. */
export function reflow(raw: string): ReflowResult {
  const { stories, credits, decisions } = runPasses(raw);
  return { stories, credits, decisions };
}
