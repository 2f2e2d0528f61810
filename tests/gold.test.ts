// The two bundled sample pages against their hand-checked gold: every field, block and order.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reflow } from "../src/reflow/index.ts";
import type { Story } from "../src/types.ts";

const squash = (text: string | undefined) => (text ?? "").replace(/\s+/gu, "");

interface GoldStory extends Omit<Story, "id" | "authors"> {
  authors?: string[];
}

function canonical(stories: readonly GoldStory[]) {
  return stories.map((story) => ({
    kicker: squash(story.kicker),
    title: squash(story.title),
    subtitle: squash(story.subtitle),
    byline: squash(story.byline),
    authors: (story.authors ?? []).map(squash),
    photographers: (story.photographers ?? []).map(squash),
    authorNote: squash(story.authorNote),
    blocks: story.blocks.map((block) => `${block.type}:${squash(block.text)}`),
  }));
}

const goldFiles = readdirSync("tests/fixtures/gold").filter((name) => name.endsWith(".gold.json"));

describe("the bundled sample pages reflow to their gold", () => {
  it("has a gold file for each sample", () => expect(goldFiles.length).toBe(2));
  for (const goldFile of goldFiles) {
    const name = goldFile.replace(/\.gold\.json$/u, "");
    const gold = JSON.parse(readFileSync(`tests/fixtures/gold/${goldFile}`, "utf8")) as { stories: GoldStory[]; credits: string[] };
    const result = reflow(readFileSync(`sources/${name}.txt`, "utf8"));
    it(`${name}: stories, heads, blocks and order`, () => {
      expect(canonical(result.stories)).toEqual(canonical(gold.stories));
    });
    it(`${name}: credits`, () => expect(result.credits.map(squash)).toEqual(gold.credits.map(squash)));
  }
});
