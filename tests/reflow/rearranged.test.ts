// The real sample pages rearranged: each story's head (kicker, title, subtitle, byline) moved before
// or after its body, the body's lines kept exactly as extracted. The reflow must find the same stories.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import { type GoldPage, canonical, goldPages } from "./goldstories.ts";

const squash = (text: string) => text.replace(/\s+/gu, "");

/** The source's line numbers that hold a story's head, and the span of lines its body covers. */
function storySpans(gold: GoldPage, lines: readonly string[]) {
  const lineOf = (text: string) => lines.findIndex((line) => squash(line) !== "" && squash(line) === squash(text));
  // a block starts on the line that begins it and ends on the first line after that which ends it
  const blockLines = (text: string) => {
    const whole = squash(text);
    const first = lines.findIndex((line) => squash(line).length >= Math.min(4, whole.length) && whole.startsWith(squash(line)));
    const last = lines.findIndex((line, i) => i >= first && squash(line) !== "" && whole.endsWith(squash(line)));
    return [first, last];
  };
  return gold.stories.map((story) => {
    const head = [story.kicker, story.title, story.subtitle, story.byline].flatMap((text) => (text ? [lineOf(text)] : []));
    const body = [...story.blocks.flatMap((block) => blockLines(block.text)), ...(story.authorNote ? [lineOf(story.authorNote)] : [])];
    return { head, from: Math.min(...body), to: Math.max(...body) };
  });
}

function rearrange(gold: GoldPage, headsFirst: boolean): string {
  const lines = readFileSync(`sources/${gold.name}.txt`, "utf8").split("\n");
  const spans = storySpans(gold, lines);
  const heads = new Set(spans.flatMap((span) => span.head));
  const out = spans.flatMap((span) => {
    const head = span.head.map((i) => lines[i]!);
    const body = lines.slice(span.from, span.to + 1).filter((_, k) => !heads.has(span.from + k));
    return headsFirst ? [...head, "", ...body, ""] : [...body, "", ...head, ""];
  });
  return [...out, ...gold.credits, ""].join("\n");
}

describe.each(goldPages)("$name rearranged", (gold) => {
  it.each([
    ["each head before its body", true],
    ["each head after its body", false],
  ])("%s", (_, headsFirst) => {
    const result = reflow(rearrange(gold, headsFirst));
    expect(canonical(result.stories)).toEqual(canonical(gold.stories));
    expect(result.credits).toEqual(gold.credits);
  });
});
