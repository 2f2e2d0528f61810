// The gold stories of both samples, typeset again at other column widths and in other layouts,
// must come back from the reflow exactly: titles, bylines, every block boundary, type and order.
import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import { canonical, goldPages, recall } from "./goldstories.ts";
import { type Layout, typeset } from "./typeset.ts";

const WIDTHS = [11, 13, 15, 17, 19, 21, 24, 28];

function layout(columnWidth: number, overrides: Partial<Layout> = {}): Layout {
  return { columnWidth, columnHeight: 37, doubleSpaced: false, headsAfterRuns: 0, displaceSections: false, spreadChance: 0.03, tightParagraphChance: 0.1, widthJitter: 0.5, longLineChance: 0, ...overrides };
}

describe.each(goldPages)("$name typeset again", (gold) => {
  describe.each([
    ["heads first", {}],
    ["heads after each body", { headsAfterRuns: 1 }],
    ["double-spaced, heads first", { doubleSpaced: true }],
    ["double-spaced, heads after each body, section headings displaced", { doubleSpaced: true, headsAfterRuns: 1, displaceSections: true }],
    ["section headings displaced", { displaceSections: true }],
  ])("%s", (_, overrides: Partial<Layout>) => {
    it.each(WIDTHS)("at %i ems", (width) => {
      const page = typeset(gold.stories, gold.credits, layout(width, overrides), width * 100 + (overrides.headsAfterRuns ?? 0));
      const result = reflow(page);
      expect(canonical(result.stories)).toEqual(canonical(gold.stories));
      expect(result.credits).toEqual(gold.credits);
    });
  });
});

describe("harder layouts, measured", () => {
  // Runs of two or three bodies before their heads, and paragraphs left unbroken on one long line:
  // the reflow must still place nearly every field and block (figures in `npm run bench`).
  it("finds at least 98% of the gold's fields and blocks in the right story", () => {
    let found = 0;
    let total = 0;
    for (const gold of goldPages) {
      for (const width of WIDTHS) {
        for (const headsAfterRuns of [2, 3]) {
          const page = typeset(gold.stories, gold.credits, layout(width, { headsAfterRuns, displaceSections: true, longLineChance: 0.15 }), width * 7 + headsAfterRuns);
          const score = recall(gold, reflow(page));
          found += score.found;
          total += score.total;
        }
      }
    }
    expect(found / total).toBeGreaterThanOrEqual(0.98);
  });
});
