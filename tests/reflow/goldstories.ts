// The hand-checked stories of the bundled samples, and how to compare editions with them.
import { readFileSync, readdirSync } from "node:fs";
import type { ReflowResult } from "../../src/types.ts";
import type { PageStory } from "./typeset.ts";

export interface GoldPage {
  name: string;
  stories: PageStory[];
  credits: string[];
}

const FIXTURES = "tests/fixtures/gold";

export const goldPages: GoldPage[] = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".gold.json"))
  .map((file) => ({ name: file.replace(/\.gold\.json$/u, ""), ...JSON.parse(readFileSync(`${FIXTURES}/${file}`, "utf8")) }));

const squash = (text: string | undefined) => (text ?? "").replace(/\s+/gu, "");

/** Every field and block of every story, in order, compared with whitespace removed. */
export function canonical(stories: readonly PageStory[]): string[][] {
  return stories.map((story) => [
    `kicker:${squash(story.kicker)}`,
    `title:${squash(story.title)}`,
    `subtitle:${squash(story.subtitle)}`,
    `byline:${squash(story.byline)}`,
    `authorNote:${squash(story.authorNote)}`,
    ...story.blocks.map((block) => `${block.type}:${squash(block.text)}`),
  ]);
}

/** Share of the gold's fields and blocks found, in the right story, in the result. */
export function recall(gold: GoldPage, result: ReflowResult): { found: number; total: number } {
  const expected = canonical(gold.stories).flatMap((items, i) => items.filter((item) => !/^\w+:$/u.test(item)).map((item) => `${i}|${item}`));
  const got = new Set(canonical(result.stories).flatMap((items, i) => items.map((item) => `${i}|${item}`)));
  return { found: expected.filter((item) => got.has(item)).length, total: expected.length };
}
