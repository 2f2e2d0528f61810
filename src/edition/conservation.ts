// The project's promise: every non-whitespace character of a source ends up in its edition exactly once.
import type { Edition } from "../types.ts";

/**
 * Unicode's whitespace (NEL included, which the reflow reads as a line break). Not JavaScript's
 * `\s`, which also counts U+FEFF: a character the reflow could then drop without this check noticing.
 */
const WHITESPACE = /\p{White_Space}/u;

/** All the text an edition prints, in no particular order (authors are read off bylines, not extra text). */
export function editionText(edition: Pick<Edition, "stories" | "credits">): string[] {
  const texts: string[] = [...edition.credits];
  for (const story of edition.stories) {
    texts.push(story.kicker ?? "", story.title, story.subtitle ?? "", story.byline ?? "", story.authorNote ?? "");
    texts.push(...story.blocks.map((block) => block.text));
  }
  return texts;
}

function countCharacters(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const char of text) if (!WHITESPACE.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

export interface CharacterDifference {
  /** Characters of the source the edition lacks, each as often as it lacks it. */
  missing: string;
  /** Characters the edition has beyond the source's. */
  extra: string;
}

/** How the edition's characters differ from the source's; undefined when they are the same multiset. */
export function compareCharacters(source: string, edition: Pick<Edition, "stories" | "credits">): CharacterDifference | undefined {
  const want = countCharacters([source]);
  const have = countCharacters(editionText(edition));
  let missing = "";
  let extra = "";
  for (const char of new Set([...want.keys(), ...have.keys()])) {
    const difference = (want.get(char) ?? 0) - (have.get(char) ?? 0);
    if (difference > 0) missing += char.repeat(difference);
    if (difference < 0) extra += char.repeat(-difference);
  }
  return missing === "" && extra === "" ? undefined : { missing, extra };
}
