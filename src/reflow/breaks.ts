// What a story break costs between neighbouring column texts: the page model's cohesion and edge terms,
// worked out once per page (for a cluster, the break between the texts on either side of it).
import type { PageItem, Unit } from "../types.ts";
import type { TextGrams } from "./grams.ts";
import { opensStory } from "./signals.ts";
import type { Affinity } from "./similarity.ts";
import { WEIGHTS } from "./weights.ts";

/** The page's items and each unit item's grams, its opening's, and whether it closes its story. */
export interface BreakFacts {
  items: readonly PageItem[];
  affinity: Affinity;
  grams: readonly (TextGrams | undefined)[];
  openings: readonly (TextGrams | undefined)[];
  closes: readonly boolean[];
}

/** For each item t, what a break costs between item t-1 and item t (units), or across the cluster at t. */
export function breakCosts(facts: BreakFacts): number[] {
  const { items } = facts;
  return items.map((item, t) => {
    const below = item.kind === "unit" ? t : t + 1;
    return items[t - 1]?.kind === "unit" && items[below]?.kind === "unit" ? breakCost(facts, t - 1, below) : WEIGHTS.break;
  });
}

/** What a story break between two neighbouring unit items costs. */
function breakCost(facts: BreakFacts, before: number, after: number): number {
  const { affinity, grams, openings, closes, items } = facts;
  const shared = affinity.similarity(grams[before]!, grams[after]!);
  const parallel = affinity.similarity(openings[before]!, openings[after]!);
  return (
    WEIGHTS.break +
    WEIGHTS.cohesion * shared +
    WEIGHTS.parallel * parallel -
    (opens(facts, after) && !(after === before + 1 && (isLeadPhoto(items, before) || opens(facts, before))) ? WEIGHTS.lead : 0) -
    (closes[before] ? WEIGHTS.close : 0) +
    (closes[after] ? WEIGHTS.closingFirst : 0) +
    (after === before + 1 && (items[after] as { unit: Unit }).unit.role === "heading" ? WEIGHTS.headingFirst : 0)
  );
}

/** A dateline, editor's note or byline opens the text at t, or the text right after the photo caption at t
 *  that shares more words with that text than with the text before: the photo is the new story's. */
function opens({ items, affinity, grams }: BreakFacts, t: number): boolean {
  const unit = (items[t] as { unit: Unit }).unit;
  // a reporter's byline standing in the column text (its head printed elsewhere) tops the text it signs
  if (opensStory(unit) || unit.role === "byline") return true;
  const previous = items[t - 1];
  const next = items[t + 1];
  if (unit.role !== "caption" || next?.kind !== "unit" || previous?.kind !== "unit" || !opensStory(next.unit)) return false;
  return affinity.similarity(grams[t]!, grams[t + 1]!) > affinity.similarity(grams[t - 1]!, grams[t]!);
}

/** A photo's caption right under a head (one, or two lines that may be one title) stands before its
 *  story's first paragraph: a dateline right after it opens that story, not a new one. Under several
 *  heads, the first may be a photo's own title. */
function isLeadPhoto(items: readonly PageItem[], t: number): boolean {
  const above = items[t - 1];
  const lone = above?.kind === "cluster" && (above.cluster.heads.length === 1 || above.cluster.merged !== undefined);
  return lone && (items[t] as { unit: Unit }).unit.role === "caption";
}
