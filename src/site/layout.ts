// How an edition page sets its stories out on a wide screen, decided from the stories themselves.
// The rules are the print view's (src/print/view.ts), so the web page and the printed page agree:
// the lead story comes first and runs across the page, short signed commentaries are boxed side by
// side, the other stories take room by length.
import type { Story } from "../types.ts";

export type StoryRole = "lead" | "commentary" | "story";
/** Share of the page's width on a wide screen: small = a third, medium = half, large = all of it. */
export type StorySize = "small" | "medium" | "large";

export interface Placement {
  story: Story;
  role: StoryRole;
  size: StorySize;
}

/** A commentary longer than this reads as an ordinary story: a box must stay short. */
const COMMENTARY_MAX_CHARACTERS = 1600;
const MEDIUM_FROM = 1500;
const LARGE_FROM = 3000;

/** Characters of a story's text, whitespace aside. */
export function storyLength(story: Story): number {
  const texts = [story.kicker, story.title, story.subtitle, story.byline, story.authorNote, ...story.blocks.map((block) => block.text)];
  return texts.reduce((sum, text) => sum + (text ?? "").replace(/\s+/gu, "").length, 0);
}

/** The main story: the first dressed like one (a kicker or a subtitle), else the first. */
export function leadStory(stories: readonly Story[]): Story | undefined {
  return stories.find((story) => story.kicker || story.subtitle) ?? stories[0];
}

/** A signed article ("（作者系…）") short enough for a box. */
export const isCommentary = (story: Story) => story.authorNote !== undefined && storyLength(story) <= COMMENTARY_MAX_CHARACTERS;

/** The stories in the order the page reads: the lead first, then the rest as printed. */
export function placeStories(stories: readonly Story[]): Placement[] {
  const lead = leadStory(stories);
  const rest = stories.filter((story) => story !== lead);
  return [...(lead ? [{ story: lead, role: "lead" as const, size: "large" as const }] : []), ...rest.map(place)];
}

function place(story: Story): Placement {
  if (isCommentary(story)) return { story, role: "commentary", size: "small" };
  const length = storyLength(story);
  return { story, role: "story", size: length >= LARGE_FROM ? "large" : length >= MEDIUM_FROM ? "medium" : "small" };
}
