// Editors' corrections to a reflowed page, named by phrases of its text. Every correction moves,
// joins or splits text that is there; none adds or drops a character, so what the reflow conserved
// stays conserved. A correction that matches nothing, or matches more than one place, is an error.
import { storyIdBase, uniqueId } from "../reflow/assemble.ts";
import { parseByline } from "../reflow/bylines.ts";
import type { Block, BlockType, Edition, Story } from "../types.ts";
import { SourceError } from "./errors.ts";
import { containsPhrase, endsWithPhrase, findPhrase, joinTexts, quote } from "./phrases.ts";

/** Corrections that give a story one of its head fields (or its author's note). */
export const FIELD_OPERATIONS = { title: "title", kicker: "kicker", subtitle: "subtitle", byline: "byline", note: "authorNote" } as const;
/** Corrections that make a line a body block of a kind. */
export const BLOCK_OPERATIONS = { subheading: "heading", caption: "caption", paragraph: "paragraph" } as const satisfies Record<string, BlockType>;

export type FieldOperation = keyof typeof FIELD_OPERATIONS;
export type BlockOperation = keyof typeof BLOCK_OPERATIONS;
type StoryField = (typeof FIELD_OPERATIONS)[FieldOperation];

export type Correction = { line?: number } & (
  | { op: "join"; after: string }
  | { op: "split"; before: string }
  | { op: "new-story"; text: string }
  | { op: "merge"; story: string }
  | { op: FieldOperation; text: string; story?: string }
  | { op: BlockOperation | "credit"; text: string }
);

/** Where a piece of text sits in an edition. */
type Place = { story: Story; field: StoryField } | { story: Story; block: Block } | { credit: number };

/** A correction that cannot be applied; turned into a SourceError with the corrections file and line. */
class Mismatch extends Error {}

/**
 * Apply corrections in order, each to the result of those before it. Pure: returns a new edition.
 * Throws one SourceError listing every correction that failed (the others still apply, so that an
 * editor sees all stale corrections at once).
 */
export function applyCorrections(edition: Edition, corrections: readonly Correction[], file: string): Edition {
  const corrected = structuredClone(edition);
  const baseBefore = new Map(corrected.stories.map((story) => [story, storyIdBase(story)]));
  const failures: SourceError[] = [];
  for (const correction of corrections) {
    try {
      apply(corrected, correction);
    } catch (error) {
      if (!(error instanceof Mismatch)) throw error;
      failures.push(new SourceError(file, `\`${correction.op}\`: ${error.message}`, correction.line));
    }
  }
  if (failures.length > 0) throw SourceError.all(failures);
  corrected.stories = corrected.stories.filter((story) => storyTexts(story).some((text) => text.trim() !== ""));
  corrected.stories = freshIds(corrected.stories, baseBefore);
  return corrected;
}

function apply(edition: Edition, correction: Correction): void {
  switch (correction.op) {
    case "join":
      return join(edition, correction.after);
    case "split":
      return split(edition, correction.before);
    case "new-story":
      return newStory(edition, correction.text);
    case "merge":
      return merge(edition, correction.story);
    case "credit":
      return makeCredit(edition, correction.text);
    case "subheading":
    case "caption":
    case "paragraph":
      return makeBlock(edition, correction.text, BLOCK_OPERATIONS[correction.op]);
    default:
      return giveField(edition, correction.text, correction.story, correction.op);
  }
}

function join(edition: Edition, phrase: string): void {
  const ending = blocks(edition).filter(({ block }) => endsWithPhrase(block.text, phrase));
  if (ending.length === 0) {
    if (places(edition, phrase).length === 0) throw notFound(phrase);
    throw new Mismatch(`${quote(phrase, 40)} does not end a paragraph; name the last words of the first of the two (if the reflow now joins them itself, delete this correction)`);
  }
  if (ending.length > 1) throw new Mismatch(`${ending.length} paragraphs end with ${quote(phrase, 40)}; give more of the words`);
  const { story, index } = ending[0]!;
  const [first, second] = [story.blocks[index]!, story.blocks[index + 1]];
  if (!second) throw new Mismatch(`${quote(phrase, 40)} ends the last paragraph of ${label(story)}; nothing follows it to join (\`merge\` joins two stories)`);
  story.blocks.splice(index, 2, { type: first.type, text: joinTexts(first.text, second.text) });
}

function split(edition: Edition, phrase: string): void {
  const hits = blocks(edition).flatMap((found) => findPhrase(found.block.text, phrase).map((match) => ({ ...found, at: match.start })));
  if (hits.length === 0) {
    if (places(edition, phrase).length === 0) throw notFound(phrase);
    throw new Mismatch(`${quote(phrase, 40)} is not in a paragraph (it is ${describe(places(edition, phrase)[0]!)})`);
  }
  if (hits.length > 1) throw new Mismatch(`${quote(phrase, 40)} occurs ${hits.length} times in the page's paragraphs; give more of the words`);
  const { story, index, block, at } = hits[0]!;
  const before = block.text.slice(0, at).trim();
  if (before === "") throw new Mismatch(`${quote(phrase, 40)} already starts a paragraph (if the reflow now splits there itself, delete this correction)`);
  story.blocks.splice(index, 1, { type: block.type, text: before }, { type: block.type, text: block.text.slice(at).trim() });
}

/** The line becomes the title of a new story that takes the rest of its story's body. */
function newStory(edition: Edition, phrase: string): void {
  const place = onlyPlace(edition, phrase);
  if (!("block" in place)) throw new Mismatch(`${quote(phrase, 40)} is ${describe(place)}; a new story starts at a line of a story's body`);
  const index = place.story.blocks.indexOf(place.block);
  const created: Story = { id: "", title: place.block.text, authors: [], blocks: place.story.blocks.slice(index + 1) };
  place.story.blocks = place.story.blocks.slice(0, index);
  edition.stories.splice(edition.stories.indexOf(place.story) + 1, 0, created);
}

/** The story joins the one before it: its head lines become subheadings there, its byline a paragraph. */
function merge(edition: Edition, phrase: string): void {
  const story = findStory(edition, phrase);
  const index = edition.stories.indexOf(story);
  const previous = edition.stories[index - 1];
  if (!previous) throw new Mismatch(`${label(story)} is the first story; there is none before it to merge into`);
  const heads = [story.kicker, story.title, story.subtitle].filter((text): text is string => !!text?.trim());
  previous.blocks.push(...heads.map((text): Block => ({ type: "heading", text })));
  if (story.byline) previous.blocks.push({ type: "paragraph", text: story.byline });
  previous.blocks.push(...story.blocks);
  if (story.authorNote) previous.authorNote = previous.authorNote ? joinTexts(previous.authorNote, story.authorNote) : story.authorNote;
  edition.stories.splice(index, 1);
}

function giveField(edition: Edition, phrase: string, storyPhrase: string | undefined, op: FieldOperation): void {
  const place = onlyPlace(edition, phrase);
  const field = FIELD_OPERATIONS[op];
  const target = storyPhrase !== undefined ? findStory(edition, storyPhrase) : "story" in place ? place.story : undefined;
  if (!target) throw new Mismatch(`${quote(phrase, 40)} is a page credit, in no story; say which story with \`story:\``);
  if ("field" in place && place.field === field && place.story === target) {
    throw new Mismatch(`${quote(phrase, 40)} is already the ${op} of ${label(target)} (delete this correction)`);
  }
  const existing = target[field];
  if (existing) throw new Mismatch(`${label(target)} already has a ${op}, ${quote(existing)}; move that one first (e.g. \`- paragraph: "…"\`)`);
  setField(target, field, take(edition, place));
}

function makeBlock(edition: Edition, phrase: string, type: BlockType): void {
  const place = onlyPlace(edition, phrase);
  if ("credit" in place) throw new Mismatch(`${quote(phrase, 40)} is a page credit, in no story; give it to one with \`- note: {text: …, story: …}\``);
  if ("block" in place) {
    if (place.block.type === type) throw new Mismatch(`${quote(phrase, 40)} is already a ${type} (delete this correction)`);
    place.block.type = type;
    return;
  }
  // a head line goes to the top of its story's body, an author's note to its end, where they were printed
  const block: Block = { type, text: take(edition, place) };
  if (place.field === "authorNote") place.story.blocks.push(block);
  else place.story.blocks.unshift(block);
}

function makeCredit(edition: Edition, phrase: string): void {
  const place = onlyPlace(edition, phrase);
  if ("credit" in place) throw new Mismatch(`${quote(phrase, 40)} is already a page credit (delete this correction)`);
  edition.credits.push(take(edition, place));
}

// ---- finding and moving text ----

function blocks(edition: Edition): { story: Story; block: Block; index: number }[] {
  return edition.stories.flatMap((story) => story.blocks.map((block, index) => ({ story, block, index })));
}

function places(edition: Edition, phrase: string): Place[] {
  const found: Place[] = [];
  for (const story of edition.stories) {
    for (const field of Object.values(FIELD_OPERATIONS)) if (containsPhrase(story[field] ?? "", phrase)) found.push({ story, field });
    for (const block of story.blocks) if (containsPhrase(block.text, phrase)) found.push({ story, block });
  }
  edition.credits.forEach((credit, index) => containsPhrase(credit, phrase) && found.push({ credit: index }));
  return found;
}

function onlyPlace(edition: Edition, phrase: string): Place {
  const found = places(edition, phrase);
  if (found.length === 0) throw notFound(phrase);
  if (found.length > 1) throw new Mismatch(`${quote(phrase, 40)} is in ${found.length} places (${found.slice(0, 3).map(describe).join("; ")}); give more of the words`);
  return found[0]!;
}

/** A story by a phrase of its title, or, if no title has it, of its text. */
function findStory(edition: Edition, phrase: string): Story {
  for (const texts of [(story: Story) => [story.title], storyTexts]) {
    const found = edition.stories.filter((story) => texts(story).some((text) => containsPhrase(text, phrase)));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new Mismatch(`${found.length} stories have ${quote(phrase, 40)} (${found.slice(0, 3).map(label).join(", ")}); give more of the words`);
  }
  throw new Mismatch(`no story has ${quote(phrase, 40)} in its title or text (phrases match the text exactly, apart from spaces and line breaks)`);
}

function take(edition: Edition, place: Place): string {
  if ("credit" in place) return edition.credits.splice(place.credit, 1)[0]!;
  if ("block" in place) {
    place.story.blocks.splice(place.story.blocks.indexOf(place.block), 1);
    return place.block.text;
  }
  const text = place.story[place.field] ?? "";
  setField(place.story, place.field, "");
  return text;
}

/** Set (or with "" clear) a story field; a byline brings the writers and photographers it names. */
function setField(story: Story, field: StoryField, text: string): void {
  if (field === "title") story.title = text;
  else if (text === "") delete story[field];
  else story[field] = text;
  if (field !== "byline") return;
  const credited = text ? parseByline(text) : { authors: [], photographers: [] };
  story.authors = credited.authors;
  if (credited.photographers.length > 0) story.photographers = credited.photographers;
  else delete story.photographers;
}

function notFound(phrase: string): Mismatch {
  return new Mismatch(`${quote(phrase, 40)} is not in the page (phrases match the text exactly, apart from spaces and line breaks; if the reflow now gets this right by itself, delete this correction)`);
}

function storyTexts(story: Story): string[] {
  return [story.kicker ?? "", story.title, story.subtitle ?? "", story.byline ?? "", story.authorNote ?? "", ...story.blocks.map((block) => block.text)];
}

function label(story: Story): string {
  return story.title.trim() ? `the story ${quote(story.title)}` : `the untitled story beginning ${quote(storyTexts(story).join(""))}`;
}

function describe(place: Place): string {
  if ("credit" in place) return "a page credit";
  const what = "block" in place ? `a ${place.block.type}` : `the ${place.field === "authorNote" ? "author's note" : place.field}`;
  return `${what} of ${label(place.story)}`;
}

// ---- story ids ----

/** Stories whose title (or opening, when untitled) changed get a new id by the reflow's rule, unique in the edition. */
function freshIds(stories: Story[], baseBefore: ReadonlyMap<Story, string>): Story[] {
  const kept = stories.filter((story) => baseBefore.get(story) === storyIdBase(story));
  const taken = new Set(kept.map((story) => story.id));
  return stories.map((story) => (kept.includes(story) ? story : { ...story, id: uniqueId(storyIdBase(story), taken) }));
}
