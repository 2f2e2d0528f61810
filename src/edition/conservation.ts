// The project's promise: every non-whitespace character of a source ends up in its edition exactly once.
import type { Edition } from "../types.ts";

/**
 * Unicode's whitespace (NEL included, which the reflow reads as a line break). Not JavaScript's
 * `\s`, which also counts U+FEFF: a character the reflow could then drop without this check noticing.
 * Looked up in a table rather than tested with a regular expression per character (a fifth of
 * loading a page went there); no White_Space character lies beyond U+3000.
 */
const LAST_WHITESPACE = 0x3000;
const WHITESPACE = Uint8Array.from({ length: LAST_WHITESPACE + 1 }, (_, code) => (/\p{White_Space}/u.test(String.fromCharCode(code)) ? 1 : 0));

/** All the text an edition prints, in no particular order (authors are read off bylines, not extra text). */
export function editionText(edition: Pick<Edition, "stories" | "credits">): string[] {
  const texts: string[] = [...edition.credits];
  for (const story of edition.stories) {
    texts.push(story.kicker ?? "", story.title, story.subtitle ?? "", story.byline ?? "", story.authorNote ?? "");
    texts.push(...story.blocks.map((block) => block.text));
  }
  return texts;
}

/** Per code point, the source's count less the edition's; all zero between calls. */
const balance = new Int32Array(0x110000);

/** Add `sign` to the balance of each non-whitespace code point of `text`; the points touched go to `touched`. */
function tally(text: string, sign: 1 | -1, touched: number[]): void {
  for (let k = 0; k < text.length; k++) {
    let code = text.charCodeAt(k);
    if (code >= 0xd800 && code < 0xdc00 && k + 1 < text.length) {
      const low = text.charCodeAt(k + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        k += 1;
      }
    }
    if (code <= LAST_WHITESPACE && WHITESPACE[code] === 1) continue;
    if (balance[code] === 0) touched.push(code);
    balance[code]! += sign;
  }
}

export interface CharacterDifference {
  /** Characters of the source the edition lacks, each as often as it lacks it. */
  missing: string;
  /** Characters the edition has beyond the source's. */
  extra: string;
}

/** How the edition's characters differ from the source's; undefined when they are the same multiset. */
export function compareCharacters(source: string, edition: Pick<Edition, "stories" | "credits">): CharacterDifference | undefined {
  const touched: number[] = [];
  tally(source, 1, touched);
  for (const text of editionText(edition)) tally(text, -1, touched);
  let missing = "";
  let extra = "";
  for (const code of touched) {
    const difference = balance[code]!;
    balance[code] = 0; // a point touched twice is counted once
    if (difference > 0) missing += String.fromCodePoint(code).repeat(difference);
    if (difference < 0) extra += String.fromCodePoint(code).repeat(-difference);
  }
  return missing === "" && extra === "" ? undefined : { missing, extra };
}
