// The TypeScript scorer must agree with ../shared/tools/score.py field for field; it is what the
// bench and the corpus tests judge the reflow by.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import { generatePage } from "./corpus/index.ts";
import { goldPages } from "./goldstories.ts";
import { type ScoredEdition, pageDiff, round4, score } from "./score.ts";

const gold: ScoredEdition = {
  stories: [
    { title: "甲乙丙丁", byline: "□张 三", authors: ["张三"], blocks: [{ type: "paragraph", text: "第一段文字在这里。" }, { type: "heading", text: "一、小标题" }, { type: "paragraph", text: "第二段文字也在。" }] },
    { title: "戊己庚辛", authors: [], blocks: [{ type: "paragraph", text: "另一篇稿件的正文内容。" }] },
  ],
  credits: ["责任编辑：李四"],
};
const source = "甲乙丙丁\n□张 三\n第一段文字在这里。\n一、小标题\n第二段文字也在。\n戊己庚辛\n另一篇稿件的正文内容。\n责任编辑：李四\n";

describe("score", () => {
  it("gives an identical edition full marks, whitespace aside", () => {
    const same = JSON.parse(JSON.stringify(gold).replace("甲乙丙丁", "甲乙 丙丁"));
    const result = score(gold, same, source);
    expect(result).toMatchObject({ score: 1, exact: 1, lost: 0, added: 0, stories_matched: 2, title: [2, 2], byline: [1, 1], credits: [1, 1] });
    expect(pageDiff(gold, same)).toEqual([]);
  });

  it("halves the score when characters are lost, and names what differs", () => {
    const merged: ScoredEdition = { stories: [{ ...gold.stories![0]!, blocks: [...gold.stories![0]!.blocks!, { type: "paragraph", text: "戊己庚辛" }, ...gold.stories![1]!.blocks!] }], credits: [] };
    const result = score(gold, merged, source);
    expect(result.exact).toBe(0);
    expect(result.lost).toBe([..."责任编辑：李四"].length);
    expect(result.stories_matched).toBe(1);
    expect(result.score).toBeLessThan(0.5);
    const diff = pageDiff(gold, merged);
    expect(diff.some((line) => line.includes("no output story"))).toBe(true);
    expect(diff.some((line) => line.startsWith("credit missing"))).toBe(true);
  });

  it("treats a heading read as a paragraph as not exact, though every block text is found", () => {
    const retyped = JSON.parse(JSON.stringify(gold).replace('"heading"', '"paragraph"'));
    const result = score(gold, retyped, source);
    expect(result).toMatchObject({ exact: 0, score: 1, typed: [3, 4] });
    expect(pageDiff(gold, retyped)[0]).toContain("block 2/3 gold heading");
  });
});

describe("round4", () => {
  it("rounds as Python's round(x, 4) does, ties to even", () => {
    expect([0.53125, 0.59375, 0.40625, 0.123456, 0.99995, 1].map(round4)).toEqual([0.5312, 0.5938, 0.4062, 0.1235, 1, 1]);
  });
});

const PYTHON_SCORER = "../shared/tools/score.py";
const hasPython = (() => {
  try {
    execFileSync("python3", ["--version"], { stdio: "ignore" });
    return existsSync(PYTHON_SCORER);
  } catch {
    return false;
  }
})();

describe.skipIf(!hasPython)("agrees with score.py", () => {
  const directory = mkdtempSync(join(tmpdir(), "broadsheet-score-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function python(goldEdition: ScoredEdition, out: ScoredEdition, text: string): unknown {
    writeFileSync(join(directory, "gold.json"), JSON.stringify(goldEdition));
    writeFileSync(join(directory, "out.json"), JSON.stringify(out));
    writeFileSync(join(directory, "page.txt"), text);
    return JSON.parse(execFileSync("python3", [PYTHON_SCORER, join(directory, "gold.json"), join(directory, "out.json"), join(directory, "page.txt"), "--json"], { encoding: "utf8" }));
  }

  it.each(goldPages.map((page) => [page.name, page] as const))("on the sample %s", (name, page) => {
    const text = readFileSync(`sources/${name}.txt`, "utf8");
    const out = reflow(text);
    expect(JSON.parse(JSON.stringify(score(page, out, text)))).toEqual(python(page, out, text));
  });

  it.each([0, 5, 17, 42, 99, 123, 176, 201])("on generated page %i", (index) => {
    const page = generatePage(1, index);
    const out = reflow(page.text);
    expect(JSON.parse(JSON.stringify(score(page.gold, out, page.text)))).toEqual(python(page.gold, out, page.text));
  });

  it("on hand-made editions that differ in kind, credits and authors", () => {
    const other: ScoredEdition = { stories: [{ ...gold.stories![1]!, authors: ["王五"] }, { ...gold.stories![0]!, kicker: "引题" }], credits: ["责任编辑：李四", "额外"] };
    expect(JSON.parse(JSON.stringify(score(gold, other, source)))).toEqual(python(gold, other, source));
  });
});
