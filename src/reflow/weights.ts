// What the page model weighs: its costs and rewards, and facts about the items around each cluster of
// heads that its scores read (kept apart from the decoder so that the model reads as its states and terms).
import type { PageItem, Role } from "../types.ts";

/** Costs and rewards, in units of one clear preference of a paragraph for one head over another. */
export const WEIGHTS = {
  /** Column text no head takes. */
  orphanText: 4,
  /** A head left with no text. */
  orphanHead: 5,
  /** Any story break between two paragraphs of one run. */
  break: 1,
  /** A break between paragraphs that share their words, or open alike (parallel sections). */
  cohesion: 4,
  parallel: 2,
  /** A dateline or editor's note opening the text after a break; an author note, signature or jump line closing the text before. */
  lead: 2.5,
  close: 3,
  /** A story's text opening with a section heading: a lead comes first; a short closing sentence set
   *  apart (read as a heading) ends the story before. */
  headingFirst: 2,
  /** A story's text opening with a unit that closes a story (a signature, author's note, jump line): it
   *  ends the text before it, never opens one. */
  closingFirst: 3,
  /** Text going on after a unit that closes its story. */
  pastClose: 4,
  /** A unit's preference for the head it is given against its favourite head beside it. */
  affinity: 1,
  /** Neighbouring stories whose heads stand on different sides of their text. */
  switch: 1,
  /** A head with no kicker, deck or byline read as a title rather than section headings, on a page whose
   *  other heads have none either; each share of heads that have one moves it towards headings. */
  title: 1,
  siblings: 2,
  /** A letter-spaced line (`织 得 更 密`): set for a story's title, hardly ever for a section heading. */
  spaced: 1.5,
  /** Two title lines printed together read as one two-line title rather than two stories' titles. */
  merged: 1,
  numbered: 4,
  /** A photo's caption in the text under a head, before the next head: photos go with stories, a section
   *  heading hardly ever has one of its own. */
  captioned: 2,
  /** A byline line, or a signature closing the text, under a head that has a byline of its own: another story's. */
  secondByline: 3,
  /** A section heading with no sibling heading between the titles around it: sections come in sets. */
  loneHeading: 2,
};

/** Unanchored clusters with no heading nor other unanchored cluster between the anchored titles around them. */
export function loneHeads(items: readonly PageItem[]): boolean[] {
  return items.map((item, t) => item.kind === "cluster" && !item.cluster.anchored && !siblingIn(items, t, -1) && !siblingIn(items, t, 1));
}

/** Another head may stand between item t and the anchored cluster in direction `step`. (Module functions, not
 *  closures per page: under tsx each named closure made costs a `defineProperty`.) */
function siblingIn(items: readonly PageItem[], t: number, step: 1 | -1): boolean {
  for (let k = t + step; k >= 0 && k < items.length && !isBound(items[k]!); k += step) if (mayHead(items, k)) return true;
  return false;
}

/** A heading unit right before a head or the page's end heads no text: a short closing sentence. */
function mayHead(items: readonly PageItem[], k: number): boolean {
  const item = items[k]!;
  return item.kind === "unit" ? item.unit.role === "heading" && items[k + 1]?.kind === "unit" : !item.cluster.anchored;
}

function isBound(item: PageItem): boolean {
  return item.kind === "cluster" && item.cluster.anchored;
}

/** For each cluster, whether a signature stands among the units after it, up to the next cluster. */
export function signedAfter(items: readonly PageItem[]): boolean[] {
  return roleAfter(items, "signature");
}

/** For each cluster, whether a photo caption stands among the units after it, up to the next cluster. */
export function captionedAfter(items: readonly PageItem[]): boolean[] {
  return roleAfter(items, "caption");
}

function roleAfter(items: readonly PageItem[], role: Role): boolean[] {
  const result = new Array<boolean>(items.length).fill(false);
  let found = false;
  for (let t = items.length - 1; t >= 0; t--) {
    const item = items[t]!;
    if (item.kind === "cluster") {
      result[t] = found;
      found = false;
    } else if (item.unit.role === role) found = true;
  }
  return result;
}
