// The real sample pages, changed the ways extraction tools differ, must reflow to the same gold.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import { canonical, goldPages } from "./goldstories.ts";

const nonBlank = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

const variants: [string, (text: string) => string][] = [
  ["without blank lines", (text) => nonBlank(text).join("\n")],
  ["with a blank line after every line", (text) => nonBlank(text).join("\n\n")],
  ["with CRLF and a full-width space before every line", (text) => text.split("\n").map((line) => (line.trim() ? `\u3000${line}` : line)).join("\r\n")],
  ["with trailing spaces and tabs", (text) => text.split("\n").map((line) => `${line} \t `).join("\n")],
];

describe.each(goldPages)("$name", (gold) => {
  const raw = readFileSync(`sources/${gold.name}.txt`, "utf8");
  it.each(variants)("reflows the same %s", (_, change) => {
    const result = reflow(change(raw));
    expect(canonical(result.stories)).toEqual(canonical(gold.stories));
    expect(result.credits).toEqual(gold.credits);
  });
});
