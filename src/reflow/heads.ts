// Story heads (kicker, title decks, subtitle, byline) and which run of body text each one owns.
import type { Decision, Unit } from "../types.ts";
import { printedTogether } from "./classify.ts";
import { Affinity, orders, segment } from "./similarity.ts";

export interface Head {
  kicker?: Unit;
  titles: Unit[];
  subtitle?: Unit;
  byline?: Unit;
}

/** The page as alternating runs: heads printed together, and the body units between them. */
export interface PageRuns {
  /** Body runs; `content[k]` lies between head run k-1 and head run k. */
  content: Unit[][];
  heads: Head[][];
}

/** A story's head and the body units that belong to it. */
export interface StoryParts {
  head?: Head;
  body: Unit[];
}

/** How much a cut between paragraphs that open alike costs, against the words shared with heads. */
const COHESION_WEIGHT = 1;

/**
 * Group title decks with their kicker, subtitle and byline(s); split the page into alternating
 * runs. Decks and bylines continue each other when printed together (see `printedTogether`).
 */
export function pageRuns(units: readonly Unit[]): PageRuns {
  const runs: PageRuns = { content: [[]], heads: [] };
  let open: Head | undefined; // a head still taking decks, a subtitle or a byline
  for (const unit of units) {
    if (open && attach(open, unit)) continue;
    if (unit.role === "kicker" || unit.role === "title") {
      open = { titles: [] };
      attach(open, unit);
      const content = runs.content[runs.content.length - 1]!;
      if (content.length === 0 && runs.heads.length > 0) runs.heads[runs.heads.length - 1]!.push(open);
      else {
        runs.heads.push([open]);
        runs.content.push([]);
      }
      continue;
    }
    // a subtitle or byline with no head to join stays in the body, where the story takes it up
    open = undefined;
    runs.content[runs.content.length - 1]!.push(unit);
  }
  return runs;
}

/** Add a unit to a head if it fits where heads put it; false if it belongs elsewhere. */
function attach(head: Head, unit: Unit): boolean {
  switch (unit.role) {
    case "kicker":
      if (head.kicker || head.titles.length > 0) return false;
      head.kicker = unit;
      return true;
    case "title":
      if (head.subtitle || head.byline) return false;
      if (head.titles.length > 0 && !printedTogether(head.titles[head.titles.length - 1]!, unit)) return false;
      head.titles.push(unit);
      return true;
    case "subtitle":
      if (head.subtitle || head.byline || head.titles.length === 0) return false;
      head.subtitle = unit;
      return true;
    case "byline":
      if (head.titles.length === 0) return false;
      if (!head.byline) head.byline = unit;
      // a second byline line under the first (`记者 张三` / `通讯员 李四`) continues it
      else if (printedTogether(head.byline, unit)) head.byline = { ...head.byline, text: `${head.byline.text} ${unit.text}`, lastLine: unit.lastLine };
      else return false;
      return true;
    default:
      return false;
  }
}

function headText(head: Head): string {
  return [head.kicker, ...head.titles, head.subtitle, head.byline].map((unit) => unit?.text ?? "").join(" ");
}

const hasText = (run: readonly Unit[]) => run.some((unit) => unit.role === "paragraph");

/**
 * Do heads stand before their bodies or after them? Whichever reading leaves fewer heads without a
 * body and fewer bodies without a head; a tie goes to the usual order, heads first.
 */
export function headsComeFirst(runs: PageRuns): boolean {
  const last = runs.content.length - 1;
  const orphansIfFirst = (hasText(runs.content[0]!) ? 1 : 0) + runs.heads.filter((_, k) => !hasText(runs.content[k + 1]!)).length;
  const orphansIfAfter = (hasText(runs.content[last]!) ? 1 : 0) + runs.heads.filter((_, k) => !hasText(runs.content[k]!)).length;
  return orphansIfFirst <= orphansIfAfter;
}

/**
 * Which heads share each body run: the run on the side heads stand on, except that heads whose
 * side has no text (a group of heads left at the end of a heads-first page) take the other side.
 */
export function assignRuns(runs: PageRuns, first: boolean): Head[][] {
  const shares: Head[][] = runs.content.map(() => []);
  runs.heads.forEach((heads, k) => {
    const own = first ? k + 1 : k;
    const other = first ? k : k + 1;
    shares[!hasText(runs.content[own]!) && hasText(runs.content[other]!) ? other : own]!.push(...heads);
  });
  return shares;
}

/** Share one body run among the heads printed together, by the words each head shares with it. */
export function shareRun(heads: readonly Head[], body: readonly Unit[], affinity: Affinity, decisions: Decision[]): StoryParts[] {
  if (heads.length === 1) return [{ head: heads[0]!, body: [...body] }];
  const labels = heads.map(headText);
  const { scores: preferences, unit: scale } = affinity.preferences(body.map((unit) => unit.text), labels);
  const mustEnd = body.map((unit) => unit.role === "authorNote");
  const startBonus = body.map((unit, i) => (i === 0 ? 0 : (-COHESION_WEIGHT * affinity.cohesion(body[i - 1]!.text, unit.text)) / scale));
  let best: { order: number[]; starts: number[]; score: number } | undefined;
  for (const order of orders(heads.length)) {
    const scores = preferences.map((row) => order.map((label) => row[label]!));
    const found = segment(scores, { mustEnd, startBonus });
    if (found && (!best || found.score > best.score + 1e-9)) best = { order, ...found };
  }
  if (!best) {
    // fewer bodies than heads: the heads keep their text, the bodies go to the first
    return heads.map((head, k) => ({ head, body: k === 0 ? [...body] : [] }));
  }
  const { order, starts } = best;
  const parts = order.map((label, j) => ({ head: heads[label]!, body: body.slice(starts[j], starts[j + 1] ?? body.length) }));
  parts.slice(1).forEach((part) => {
    const first = part.body[0];
    if (!first) return;
    decisions.push({
      pass: "assemble",
      line: first.firstLine,
      confidence: 0.7,
      message: `story break before line ${first.firstLine}: body given to "${part.head!.titles.map((t) => t.text).join(" ")}" by shared words`,
      context: first.text.slice(0, 40),
    });
  });
  return heads.map((head) => parts.find((part) => part.head === head)!);
}
