// How a page's stories rank, for the web edition and the print edition alike: which story leads,
// which signed articles are short enough to box as commentaries.
import type { Story } from "./types.ts";

/**
 * A signed commentary longer than this is set as an ordinary story: a commentary box is never
 * split across printed pages (break-inside: avoid), so it must fit well inside one A4 page's columns.
 */
export const COMMENTARY_MAX_CHARACTERS = 1600;

/** A story's strings as a page sets them, in order. */
export const storyTexts = (story: Story): string[] => [
  story.kicker ?? "",
  story.title,
  story.subtitle ?? "",
  story.byline ?? "",
  ...story.blocks.map((block) => block.text),
  story.authorNote ?? "",
];

/** Characters of a story's text, whitespace aside. */
export function storyLength(story: Story): number {
  return storyTexts(story).reduce((sum, text) => sum + text.replace(/\s+/gu, "").length, 0);
}

/** A signed article ("（作者系…）") short enough for a box reads as a commentary. */
export function isCommentary(story: Story): boolean {
  return story.authorNote !== undefined && storyLength(story) <= COMMENTARY_MAX_CHARACTERS;
}

/** The main story: the first with a display headline (kicker or subtitle), else the first. */
export function leadStory(stories: readonly Story[]): Story | undefined {
  return stories.find((story) => story.kicker || story.subtitle) ?? stories[0];
}
