// How an edition page sets its stories out on a wide screen, decided from the stories themselves.
// The lead and the commentaries are the print view's too (src/layout.ts), so the web page and the
// printed page agree: the lead runs across the page, short signed commentaries are boxed side by
// side, the other stories take room by length.
import { isCommentary, leadStory, storyLength } from "../layout.ts";
import type { Story } from "../types.ts";

export type StoryRole = "lead" | "commentary" | "story";
/** Share of the page's width on a wide screen: small = a third, medium = half, large = all of it. */
export type StorySize = "small" | "medium" | "large";

export interface Placement {
  story: Story;
  role: StoryRole;
  size: StorySize;
}

const MEDIUM_FROM = 1500;
const LARGE_FROM = 3000;

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
