import { describe, expect, it } from "vitest";
import { editionText } from "../../src/edition/conservation.ts";
import { type Correction, applyCorrections } from "../../src/edition/corrections.ts";
import { SourceError } from "../../src/edition/errors.ts";
import type { Edition } from "../../src/types.ts";
import { sourceError } from "./fixtures.ts";

/** A page as the reflow might leave it: a missed paragraph break, a wrong one, a headline read as a heading. */
function page(): Edition {
  return {
    source: "p.txt",
    slug: "p",
    meta: { publication: "报", date: "2025-06-30", page: "版" },
    credits: ["（文字整理 张三）"],
    stories: [
      {
        id: "first",
        title: "统筹协调 规范管理",
        byline: "□ 徐 勇",
        authors: ["徐勇"],
        blocks: [
          { type: "paragraph", text: "第一段的前半，" },
          { type: "paragraph", text: "第一段的后半。第二段本该另起。" },
          { type: "heading", text: "图为机关干部学习。" },
          { type: "heading", text: "加强建设 筑牢根基" },
          { type: "paragraph", text: "第二篇的正文。" },
        ],
      },
      { id: "second", title: "把准定位", authors: [], authorNote: "（作者系秘书长）", blocks: [{ type: "paragraph", text: "第三篇的正文。" }] },
    ],
  };
}

/** The edition's characters, sorted: what conservation compares. */
const characters = (edition: Edition) => [...editionText(edition).join("").replace(/\s+/gu, "")].sort().join("");

const failure = (corrections: Correction[], edition = page()): SourceError => sourceError(() => applyCorrections(edition, corrections, "p.corrections.yaml"));

describe("applyCorrections", () => {
  it("joins two paragraphs after a phrase and splits one before a phrase, whitespace aside", () => {
    const result = applyCorrections(page(), [{ op: "join", after: "第一段的 前半，" }, { op: "split", before: "第二段\n本该" }], "c");
    expect(result.stories[0]!.blocks.slice(0, 2)).toEqual([
      { type: "paragraph", text: "第一段的前半，第一段的后半。" },
      { type: "paragraph", text: "第二段本该另起。" },
    ]);
  });

  it("starts a new story at a headline the reflow took for a heading, taking the rest of the body", () => {
    const result = applyCorrections(page(), [{ op: "new-story", text: "筑牢根基" }], "c");
    expect(result.stories.map((story) => story.title)).toEqual(["统筹协调 规范管理", "加强建设 筑牢根基", "把准定位"]);
    expect(result.stories[1]!.blocks).toEqual([{ type: "paragraph", text: "第二篇的正文。" }]);
    expect(result.stories[0]!.blocks).toHaveLength(3);
  });

  it("merges a story into the one before, its title becoming a subheading", () => {
    const result = applyCorrections(page(), [{ op: "merge", story: "把准定位" }], "c");
    expect(result.stories).toHaveLength(1);
    expect(result.stories[0]!.blocks.slice(-2)).toEqual([
      { type: "heading", text: "把准定位" },
      { type: "paragraph", text: "第三篇的正文。" },
    ]);
    expect(result.stories[0]!.authorNote).toBe("（作者系秘书长）");
  });

  it("marks lines as caption, subheading or paragraph", () => {
    const result = applyCorrections(page(), [{ op: "caption", text: "图为机关" }, { op: "paragraph", text: "加强建设" }], "c");
    expect(result.stories[0]!.blocks[2]).toEqual({ type: "caption", text: "图为机关干部学习。" });
    expect(result.stories[0]!.blocks[3]).toEqual({ type: "paragraph", text: "加强建设 筑牢根基" });
  });

  it("moves a byline to another story, with its writers, and a title demoted to the top of its body", () => {
    const result = applyCorrections(page(), [{ op: "byline", text: "徐 勇", story: "把准定位" }, { op: "subheading", text: "统筹协调" }], "c");
    const [first, second] = result.stories;
    expect(first).toMatchObject({ title: "", authors: [] });
    expect(first!.byline).toBeUndefined();
    expect(first!.blocks[0]).toEqual({ type: "heading", text: "统筹协调 规范管理" });
    expect(second).toMatchObject({ byline: "□ 徐 勇", authors: ["徐勇"] });
  });

  it("gives a story a title, a note or a credit, from anywhere on the page", () => {
    const result = applyCorrections(
      page(),
      [
        { op: "paragraph", text: "把准定位" },
        { op: "title", text: "第三篇的正文" },
        { op: "credit", text: "作者系秘书长" },
        { op: "note", text: "文字整理", story: "第三篇" },
      ],
      "c",
    );
    expect(result.stories[1]).toMatchObject({ title: "第三篇的正文。", authorNote: "（文字整理 张三）", blocks: [{ type: "paragraph", text: "把准定位" }] });
    expect(result.credits).toEqual(["（作者系秘书长）"]);
  });

  it("neither adds nor drops a character, and leaves its input alone", () => {
    const corrections: Correction[] = [
      { op: "join", after: "前半，" },
      { op: "split", before: "第二段" },
      { op: "new-story", text: "加强建设" },
      { op: "byline", text: "徐 勇", story: "加强建设" },
      { op: "merge", story: "把准定位" },
      { op: "credit", text: "图为机关" },
    ];
    const before = page();
    const result = applyCorrections(before, corrections, "c");
    expect(before).toEqual(page());
    expect(characters(result)).toBe(characters(page()));
  });

  it("keeps the ids of untouched stories and gives changed ones fresh, unique ids", () => {
    const result = applyCorrections(page(), [{ op: "new-story", text: "加强建设" }], "c");
    expect(result.stories[0]!.id).toBe("first");
    expect(result.stories[2]!.id).toBe("second");
    expect(result.stories[1]!.id).toMatch(/^[0-9a-f]{8}$/u);
  });

  it("drops a story left with no text at all", () => {
    const corrections: Correction[] = [
      { op: "paragraph", text: "把准定位" },
      { op: "credit", text: "作者系" },
      { op: "new-story", text: "把准定位" },
    ];
    const result = applyCorrections(page(), corrections, "c");
    expect(result.stories.map((story) => story.title)).toEqual(["统筹协调 规范管理", "把准定位"]);
    expect(characters(result)).toBe(characters(page()));
  });
});

describe("corrections that do not fit the page", () => {
  it.each<[string, Correction, RegExp]>([
    ["a phrase not on the page", { op: "join", after: "不存在的话", line: 3 }, /^p\.corrections\.yaml:3: `join`: “不存在的话” is not in the page/u],
    ["a join after words that do not end a paragraph", { op: "join", after: "第一段的后半", line: 4 }, /:4: `join`: “第一段的后半” does not end a paragraph/u],
    ["a join after a story's last paragraph", { op: "join", after: "第三篇的正文。", line: 5 }, /`join`: “第三篇的正文。” ends the last paragraph of the story “把准定位”/u],
    ["a split where a paragraph already starts", { op: "split", before: "第一段的后半", line: 6 }, /:6: `split`: “第一段的后半” already starts a paragraph/u],
    ["a phrase in several places", { op: "caption", text: "正文", line: 7 }, /:7: `caption`: “正文” is in 2 places \(a paragraph of the story “统筹协调 规范管理”; a paragraph of the story “把准定位”\)/u],
    ["a byline for a story that has one", { op: "byline", text: "作者系", story: "统筹协调", line: 8 }, /:8: `byline`: the story “统筹协调 规范管理” already has a byline, “□ 徐 勇”/u],
    ["a correction already true", { op: "title", text: "把准定位", line: 9 }, /:9: `title`: “把准定位” is already the title of the story “把准定位” \(delete this correction\)/u],
    ["a merge of the first story", { op: "merge", story: "统筹协调", line: 10 }, /:10: `merge`: the story “统筹协调 规范管理” is the first story/u],
    ["an unknown story", { op: "title", text: "第三篇的正文", story: "第九篇", line: 11 }, /:11: `title`: no story has “第九篇” in its title or text/u],
    ["a credit made a block", { op: "paragraph", text: "文字整理", line: 12 }, /:12: `paragraph`: “文字整理” is a page credit, in no story/u],
    ["a new story at a title", { op: "new-story", text: "把准定位", line: 13 }, /:13: `new-story`: “把准定位” is the title of the story “把准定位”/u],
  ])("reports %s with the file, line and phrase", (_, correction, expected) => {
    expect(String(failure([correction]))).toMatch(expected);
  });

  it("reports every failing correction at once, and applies none of them", () => {
    const error = failure([
      { op: "join", after: "无此一", line: 2 },
      { op: "caption", text: "图为", line: 3 },
      { op: "split", before: "无此二", line: 4 },
    ]);
    expect(String(error).split("\n")).toEqual([
      expect.stringMatching(/^p\.corrections\.yaml:2: `join`: “无此一”/u),
      expect.stringMatching(/^p\.corrections\.yaml:4: `split`: “无此二”/u),
    ]);
  });
});
