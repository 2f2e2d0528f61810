// How an edition page ranks its stories, decided from the stories themselves. The lead and the
// commentaries are the print view's too (src/layout.ts), so the web page and the printed page
// agree: the lead comes first and is set larger, short signed commentaries are marked as such.
import { isCommentary, leadStory } from "../layout.ts";
import type { Story } from "../types.ts";

export type StoryRole = "lead" | "commentary" | "story";

export interface Placement {
  story: Story;
  role: StoryRole;
}

/** The stories in the order the page reads: the lead first, then the rest as printed. */
export function placeStories(stories: readonly Story[]): Placement[] {
  const lead = leadStory(stories);
  const rest = stories.filter((story) => story !== lead);
  return [...(lead ? [{ story: lead, role: "lead" as const }] : []), ...rest.map((story) => ({ story, role: isCommentary(story) ? ("commentary" as const) : ("story" as const) }))];
}
