import { createHash } from "node:crypto";
import type { Block, ReflowState, Story, Unit } from "../types.ts";
import { parseByline } from "./bylines.ts";
import { type Head, type StoryParts, assignRuns, headsComeFirst, pageRuns, shareRun } from "./heads.ts";
import { placeDisplacedHeadings } from "./sections.ts";
import { Affinity } from "./similarity.ts";
import { squash } from "./text.ts";

// Signal: which side of its body a head stands on (the reading that leaves nothing orphaned), and the
// words shared between displaced heads or headings and candidate bodies; an editor's list orders speakers.
export function assemble(state: ReflowState): void {
  const credits = state.units.filter((unit) => unit.role === "credit");
  const units = state.units.filter((unit) => unit.role !== "credit");
  const texts = units.map((unit) => unit.text);
  const affinity = new Affinity(texts);
  const themes = new Affinity(texts, { characters: true });
  const runs = pageRuns(units);
  const shares = assignRuns(runs, headsComeFirst(runs));
  const parts: StoryParts[] = [];
  let headless: Unit[] = []; // text before any head that takes it
  runs.content.forEach((content, k) => {
    const heads = shares[k]!;
    if (heads.length === 0) {
      // text no head takes joins the story before it (or, at the page's top, the one after)
      if (parts.length > 0) parts[parts.length - 1]!.body.push(...content);
      else headless.push(...content);
      return;
    }
    const shared = shareRun(heads, content, affinity, state.decisions);
    shared[0]!.body.unshift(...headless);
    headless = [];
    parts.push(...shared);
  });
  if (headless.length > 0) parts.push(untitled(headless));
  const stories = parts.map((part) => buildStory(part, themes, state));
  state.stories = orderBySpeakerList(withUniqueIds(stories));
  state.credits = credits.map((unit) => unit.text);
}

/** Text with no head at all: its leading heading, if any, serves as its title. */
function untitled(body: Unit[]): StoryParts {
  const [lead, ...rest] = body;
  return lead?.role === "heading" ? { head: { titles: [lead] }, body: rest } : { body };
}

function buildStory(part: StoryParts, themes: Affinity, state: ReflowState): Story {
  const head: Head = part.head ?? { titles: [] };
  let byline = head.byline?.text;
  const notes: string[] = [];
  const blocks: Block[] = [];
  for (const unit of placeDisplacedHeadings(part.body, themes, state.decisions)) {
    if (unit.role === "byline" && byline === undefined) byline = unit.text;
    else if (unit.role === "authorNote") notes.push(unit.text);
    else blocks.push(blockOf(unit));
  }
  const credited = byline ? parseByline(byline) : { authors: [], photographers: [] };
  const story: Story = {
    id: "",
    title: head.titles.map((unit) => unit.text).join(" "),
    authors: credited.authors,
    blocks,
  };
  if (head.kicker) story.kicker = head.kicker.text;
  if (head.subtitle) story.subtitle = head.subtitle.text;
  if (byline) story.byline = byline;
  if (credited.photographers.length > 0) story.photographers = credited.photographers;
  if (notes.length > 0) story.authorNote = notes.join("");
  return story;
}

/** Units that are not blocks by nature (a stray subtitle, a second byline) keep their text as paragraphs. */
function blockOf(unit: Unit): Block {
  const type = unit.role === "heading" || unit.role === "caption" ? unit.role : "paragraph";
  return { type, text: unit.text };
}

/** A story's id before de-duplication: a hash of its title (or, untitled, its opening), stable while that stands. */
export function storyIdBase(story: Pick<Story, "title" | "blocks">): string {
  const basis = squash(story.title) || squash(story.blocks[0]?.text ?? "") || "story";
  return createHash("sha256").update(basis).digest("hex").slice(0, 8);
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
  return stories.map((story) => ({ ...story, id: uniqueId(storyIdBase(story), taken) }));
}

/**
 * An editor's note that names the page's speakers in order (`会上，甲、乙、丙作交流发言`) is the
 * order the digest should follow; stories it does not name keep their places.
 */
function orderBySpeakerList(stories: Story[]): Story[] {
  const named = stories.filter((story) => story.authors.length > 0);
  for (const story of stories) {
    const listing = story.blocks.map((block) => squash(block.text)).find((text) => named.filter((other) => other !== story && other.authors.some((a) => text.includes(a))).length >= 2);
    if (!listing) continue;
    const position = (candidate: Story) => Math.min(...candidate.authors.map((a) => listing.indexOf(a)).filter((i) => i >= 0));
    const listed = stories.filter((candidate) => candidate !== story && Number.isFinite(position(candidate)));
    const sorted = [...listed].sort((a, b) => position(a) - position(b));
    let next = 0;
    return stories.map((candidate) => (listed.includes(candidate) ? sorted[next++]! : candidate));
  }
  return stories;
}
