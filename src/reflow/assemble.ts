import { hash } from "node:crypto";
import type { Block, Head, PageItem, ReflowState, Story, Unit } from "../types.ts";
import { parseByline } from "./bylines.ts";
import { headingsOf, printedTogether } from "./heads.ts";
import { placeDisplacedHeadings } from "./sections.ts";
import { datelineAuthors, opensStory } from "./signals.ts";
import { captionWords, photographersIn } from "./captions.ts";
import { characterCount, endsWithMark, isHanCode, squash } from "./text.ts";

/** A story's head and the body units that belong to it, and where it starts in the page's items. */
export interface StoryParts {
  head?: Head;
  body: Unit[];
  position: number;
}

/** Stories from the page model's reading: each title cluster's heads with the units it gave them. */
function gather(items: readonly PageItem[], state: ReflowState): StoryParts[] {
  const { clusters, owners } = state.reading;
  // each title cluster's stories by its position, then by head: no key string built per unit
  const parts = new Map<number, StoryParts[]>();
  items.forEach((item, t) => {
    const reading = clusters.get(t);
    if (item.kind === "cluster" && reading?.kind === "titles") {
      const heads = reading.merged ? item.cluster.merged! : item.cluster.heads;
      parts.set(t, heads.map((head) => ({ head, body: [], position: t })));
    }
  });
  let previous: StoryParts | undefined;
  const unowned: Unit[] = []; // text before any story: it opens the first one
  items.forEach((item, t) => {
    const units: Unit[] = item.kind === "unit" ? [item.unit] : [];
    // a loop, not `flatMap`: V8 runs flatMap and flat on a generic slow path, about ten times a loop's cost
    if (item.kind === "cluster" && clusters.get(t)?.kind === "heading") for (const head of item.cluster.headings ?? item.cluster.merged ?? item.cluster.heads) units.push(...headingsOf(head));
    if (item.kind === "cluster" && units.length === 0) {
      const reading = clusters.get(t);
      const count = reading?.kind === "titles" && reading.merged ? 1 : item.cluster.heads.length;
      previous = parts.get(t)?.[count - 1] ?? previous;
      return;
    }
    const owner = owners[t];
    const part = owner ? parts.get(owner[0])?.[owner[1]] : previous;
    if (!part) return void unowned.push(...units);
    part.body.push(...units);
    part.position = Math.min(part.position, t);
    previous = part;
  });
  const ordered: StoryParts[] = [];
  for (const stories of parts.values()) ordered.push(...stories);
  ordered.sort((a, b) => a.position - b.position);
  if (unowned.length > 0) {
    if (ordered[0]) ordered[0].body.unshift(...unowned);
    else ordered.push(untitled(unowned));
  }
  return ordered;
}

// Signal: the page model's reading (see `read`); within a story, trailing section headings go back to
// the sections they name, and an editor's note that lists speakers orders their speeches.
export function assemble(state: ReflowState): void {
  const parts = gather(state.items, state);
  captionsOverTheirText(parts, state.blankLinesMeaningful ? 1 : 2);
  captionsByTheirWords(parts);
  const stories = parts.map((part) => buildStory(part, state));
  state.stories = orderBySpeakerList(withUniqueIds(stories));
  state.credits = state.units.filter((unit) => unit.role === "credit").map((unit) => unit.text);
}

/**
 * A caption set apart from the text above it (a blank line between) and printed right on the next
 * story's opening dateline is that story's photo, though the page model closed the story before with it.
 */
export function captionsOverTheirText(parts: StoryParts[], spacing: number): void {
  parts.forEach((part, k) => {
    // the body's last two units read in place (no slice and destructuring per story); with fewer there is nothing to move
    const above = part.body[part.body.length - 2];
    const caption = part.body[part.body.length - 1];
    const opening = parts[k + 1]?.body[0];
    if (!above || caption?.role !== "caption" || !opening || !opensStory(opening)) return;
    if (printedTogether(caption, opening, spacing) && !printedTogether(above, caption, spacing)) parts[k + 1]!.body.unshift(part.body.pop()!);
  });
}

/**
 * A caption between two stories' text goes with the one its words are about: photo and story name the
 * same things (`竹编`, `城西湖灌区`), while the page model reads only where the caption sits.
 */
export function captionsByTheirWords(parts: StoryParts[]): void {
  parts.forEach((part, k) => {
    const next = parts[k + 1];
    if (!next) return;
    const trailing = part.body[part.body.length - 1];
    const opening = next.body[0];
    if (trailing?.role === "caption" && opening && opening.role !== "caption" && opening.firstLine > trailing.lastLine && part.body.length > 1) {
      if (sharedPairs(trailing, next) >= sharedPairs(trailing, part) + CLEARLY_MORE) next.body.unshift(part.body.pop()!);
      return;
    }
    const closing = part.body[part.body.length - 1];
    const heads = next.head ? headUnits(next.head) : [];
    if (opening?.role !== "caption" || !closing || closing.lastLine >= opening.firstLine || next.body.length < 2) return;
    // a head printed between the two stories' text stands over the caption: it opens its story
    if (heads.some((unit) => unit.firstLine > closing.lastLine && unit.lastLine < opening.firstLine)) return;
    if (sharedPairs(opening, part) >= sharedPairs(opening, next) + CLEARLY_MORE) part.body.push(next.body.shift()!);
  });
}

/** Pairs of characters a caption shares with the other story beyond its own: one common word (`进行`, `中心`) is chance. */
const CLEARLY_MORE = 3;

const headUnits = (head: Head): Unit[] => [head.kicker, ...head.titles, head.subtitle].filter((unit): unit is Unit => unit !== undefined);

/** How many of the caption's pairs of Han characters the story's titles and text (not its captions) hold:
 *  the caption's few pairs as numbers in a set, each text read once against it (no text joined or searched per pair). */
function sharedPairs(caption: Unit, part: StoryParts): number {
  const pairs = hanPairs(captionWords(caption.text) ?? caption.text);
  for (const pair of pairs) PAIR_FIRSTS[Math.floor(pair / 0x10000)] = 1;
  const found = new Set<number>();
  for (const unit of part.head ? headUnits(part.head) : []) findPairs(unit, pairs, found);
  for (const unit of part.body) findPairs(unit, pairs, found);
  for (const pair of pairs) PAIR_FIRSTS[Math.floor(pair / 0x10000)] = 0;
  return found.size;
}

/** The first characters of the caption's pairs by code, marked while one caption is read against a story:
 *  most characters of a story start none of them, told by a table, not a set lookup per character. */
const PAIR_FIRSTS = new Uint8Array(0x10000);

/** Add to `found` the pairs of `pairs` a unit's text holds, unless it is a caption. (A module function, not a
 *  closure per call: under tsx each named closure made costs a `defineProperty`.) */
function findPairs(unit: Unit, pairs: ReadonlySet<number>, found: Set<number>): void {
  if (unit.role === "caption") return;
  const text = unit.text;
  for (let i = 0; i + 1 < text.length; i++) {
    if (PAIR_FIRSTS[text.charCodeAt(i)] === 0) continue;
    const pair = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
    if (pairs.has(pair)) found.add(pair);
  }
}

/** Neighbouring Han characters of a text (common Han, one code unit each), as numbers. */
function hanPairs(text: string): Set<number> {
  const pairs = new Set<number>();
  for (let i = 0; i + 1 < text.length; i++) {
    if (isHanCode(text.charCodeAt(i)) && isHanCode(text.charCodeAt(i + 1))) pairs.add(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
  }
  return pairs;
}

/** Text with no head at all: its leading heading, if any, serves as its title. */
function untitled(body: Unit[]): StoryParts {
  const [lead, ...rest] = body;
  return lead?.role === "heading" || lead?.role === "headline" ? { head: { titles: [lead] }, body: rest, position: 0 } : { body, position: 0 };
}

function buildStory(part: StoryParts, state: ReflowState): Story {
  const head: Head = part.head ?? { titles: [] };
  let byline = head.byline?.text;
  const notes: string[] = [];
  const blocks: Block[] = [];
  const photographers: string[] = [];
  // a byline in the text (its head printed elsewhere) goes on in a byline or name printed right under it
  let textByline: Unit | undefined;
  const spacing = state.blankLinesMeaningful ? 1 : 2;
  for (const unit of placeDisplacedHeadings(part.body, state.decisions)) {
    const credits = unit.role === "byline" || unit.role === "signature";
    if (credits && byline === undefined) [byline, textByline] = [unit.text, unit];
    else if (credits && textByline && printedTogether(textByline, unit, spacing)) [byline, textByline] = [`${byline} ${unit.text}`, { ...textByline, lastLine: unit.lastLine }];
    else if (unit.role === "authorNote") notes.push(unit.text);
    else {
      blocks.push(blockOf(unit));
      if (unit.role === "caption") photographers.push(...photographersIn(unit.text));
    }
  }
  demoteStrayHeadings(blocks);
  const credited = byline ? parseByline(byline) : { authors: datelineAuthors(blocks[0]?.text ?? ""), photographers: [] };
  photographers.unshift(...credited.photographers);
  const story: Story = {
    id: "",
    title: head.titles.map((unit) => unit.text).join(" "),
    authors: credited.authors,
    blocks,
  };
  if (head.kicker) story.kicker = head.kicker.text;
  if (head.subtitle) story.subtitle = head.subtitle.text;
  if (byline) story.byline = byline;
  if (photographers.length > 0) story.photographers = photographers;
  if (notes.length > 0) story.authorNote = notes.join("");
  return story;
}

/** Run-in headings (a short sentence with its stop) come in sets, one per section: a story needs this many. */
const RUN_IN_SIBLINGS = 2;

/** A short sentence read as a run-in heading heads no section when it opens or closes the story, or has
 *  no sibling run-in heading in it (sections come in sets): it is a paragraph. */
export function demoteStrayHeadings(blocks: Block[]): void {
  // the first and last blocks of text found by index, the run-in headings counted first (no arrays per story)
  const first = blocks.findIndex(isText);
  if (first < 0) return;
  const last = blocks.findLastIndex(isText);
  for (const block of [blocks[first]!, blocks[last]!]) if (isRunIn(block)) block.type = "paragraph";
  let runIns = 0;
  for (const block of blocks) if (isRunIn(block)) runIns++;
  if (runIns < RUN_IN_SIBLINGS) for (const block of blocks) if (isRunIn(block)) block.type = "paragraph";
}

/** A block of the story's text, not a photo's caption. */
const isText = (block: Block) => block.type !== "caption";

/** A run-in heading: a heading ending in its stop. (A module function: under tsx each named closure made costs a `defineProperty`.) */
const isRunIn = (block: Block | undefined) => block?.type === "heading" && endsWithMark(block.text, "。！？");

/** Units that are not blocks by nature (a stray subtitle, a second byline) keep their text as paragraphs. */
function blockOf(unit: Unit): Block {
  const type = unit.role === "heading" || unit.role === "headline" ? "heading" : unit.role === "caption" ? "caption" : "paragraph";
  return { type, text: unit.text };
}

/** A story's id before de-duplication: a hash of its title (or, untitled, its opening), stable while that stands. */
export function storyIdBase(story: Pick<Story, "title" | "blocks">): string {
  const basis = squash(story.title) || squash(story.blocks[0]?.text ?? "") || "story";
  return hash("sha256", basis, "hex").slice(0, 8); // one-shot: no hash object per story
}

/** The id `base`, or `base-2`, `base-3`… if taken; records the one given. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function withUniqueIds(stories: Story[]): Story[] {
  const taken = new Set<string>();
  // each story is fresh from buildStory, its id its first key: set in place (a spread copy per story
  // took V8's slow path, the stories' shapes varying with their optional parts)
  for (const story of stories) story.id = uniqueId(storyIdBase(story), taken);
  return stories;
}

/**
 * An editor's note that names the page's speakers in order (`会上，甲、乙、丙作交流发言`) is the
 * order the digest should follow; stories it does not name keep their places. Names are looked up
 * at each position of a story's first paragraphs, so the cost stays linear in the page.
 */
function orderBySpeakerList(stories: Story[]): Story[] {
  const byAuthor = new Map<string, Story>();
  for (const story of stories) for (const author of story.authors) if (characterCount(author) <= MAX_NAME) byAuthor.set(author, story);
  // a list names two other stories' authors at least: with fewer authors on the page no text is read for one
  if (byAuthor.size < 2) return stories;
  for (const name of byAuthor.keys()) INITIALS[name.charCodeAt(0)] = 1;
  const ordered = orderByFirstList(stories, byAuthor);
  for (const name of byAuthor.keys()) INITIALS[name.charCodeAt(0)] = 0;
  return ordered;
}

/** The authors' initials by code, marked while one page's lists are read: a table read per character, not a set. */
const INITIALS = new Uint8Array(0x10000);

/** The stories in the order of the first list of speakers among a story's first paragraphs, if any. */
function orderByFirstList(stories: Story[], byAuthor: ReadonlyMap<string, Story>): Story[] {
  for (const story of stories) {
    for (const block of story.blocks.slice(0, LISTING_BLOCKS)) {
      if (!block.text.includes("、")) continue; // a list of names is parted by enumeration commas
      const positions = namedIn(squash(block.text), byAuthor, story);
      if (positions.size < 2) continue;
      const listed = stories.filter((candidate) => positions.has(candidate));
      const sorted = [...listed].sort((a, b) => positions.get(a)! - positions.get(b)!);
      let next = 0;
      return stories.map((candidate) => (positions.has(candidate) ? sorted[next++]! : candidate));
    }
  }
  return stories;
}

/** An editor's list of speakers comes among a story's first paragraphs. */
const LISTING_BLOCKS = 3;
const MAX_NAME = 4;

/** Where in the text each other story's author is first named. */
function namedIn(text: string, byAuthor: ReadonlyMap<string, Story>, self: Story): Map<Story, number> {
  const positions = new Map<Story, number>();
  for (let i = 0; i < text.length; i++) {
    if (INITIALS[text.charCodeAt(i)] === 0) continue; // a code, not a one-character string per position
    for (let length = 2; length <= MAX_NAME; length++) {
      const story = byAuthor.get(text.slice(i, i + length));
      if (story && story !== self && !positions.has(story)) positions.set(story, i);
    }
  }
  return positions;
}
