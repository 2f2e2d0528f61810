// Nothing lost, nothing added: every non-whitespace character of a page ends up in its edition once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import type { ReflowResult } from "../../src/types.ts";
import { arbitraryPage } from "./arbitrary.ts";
import { typeset } from "./typeset.ts";

function characterCounts(texts: Iterable<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of (text ?? "").replace(/\s+/gu, "")) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

function editionTexts(result: ReflowResult): string[] {
  return [
    ...result.credits,
    ...result.stories.flatMap((story) => [story.kicker, story.title, story.subtitle, story.byline, story.authorNote, ...story.blocks.map((block) => block.text)].filter((text): text is string => text !== undefined)),
  ];
}

const sortedEntries = (counts: Map<string, number>) => [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe("conservation", () => {
  it("keeps every character of random stories typeset in random layouts, exactly once", () => {
    fc.assert(
      fc.property(arbitraryPage, ({ stories, credits, layout, seed }) => {
        const page = typeset(stories, credits, layout, seed);
        expect(sortedEntries(characterCounts(editionTexts(reflow(page))))).toEqual(sortedEntries(characterCounts([page])));
      }),
      { numRuns: 150 },
    );
  });
  it("keeps the byline of a head read as a numbered section heading (found by the property below)", () => {
    const page = ["0.<", "□", "*!!!!*!!!\"", "（作者系"].join("\n");
    expect(sortedEntries(characterCounts(editionTexts(reflow(page))))).toEqual(sortedEntries(characterCounts([page])));
  });
  it("keeps every character of arbitrary text, whatever its shape", () => {
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("", " ", "□", "——", "（作者系", "）", "编者按：", "。"));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom("\n", "\r\n", "\r", "\n\n"), (lines, newline) => {
        const page = lines.join(newline);
        expect(sortedEntries(characterCounts(editionTexts(reflow(page))))).toEqual(sortedEntries(characterCounts([page.replace(/^\uFEFF/u, "")])));
      }),
      { numRuns: 300 },
    );
  });
});
