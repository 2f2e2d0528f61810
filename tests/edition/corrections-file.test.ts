import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorrections } from "../../src/edition/corrections-file.ts";
import { sourceError, sourcesFolder } from "./fixtures.ts";

function read(content: string) {
  return readCorrections(join(sourcesFolder({ "p.corrections.yaml": content }), "p.corrections.yaml"));
}

/** The error as an editor reads it, with the temporary folder left out. */
const message = (content: string): string => String(sourceError(() => read(content))).replace(/^.*p\.corrections\.yaml/gmu, "p.corrections.yaml");

describe("NAME.corrections.yaml", () => {
  it("reads metadata overrides and every kind of correction, with their lines", () => {
    const file = read(`# corrections to page 4
meta:
  page: 机关建设（修订）
corrections:
  - join: {after: "前半，"}
  - split: {before: "第二段"}
  - new-story: 加强建设 筑牢根基
  - merge: 把准定位
  - title: 第三篇
  - byline: {text: "徐 勇", story: 把准定位}
  - kicker: 引题
  - subtitle: {text: 副题}
  - note: （作者系秘书长）
  - subheading: 小标题
  - caption: 图为
  - paragraph: 2024
  - credit: 文字整理
`);
    expect(file.meta).toEqual({ page: "机关建设（修订）" });
    expect(file.corrections).toEqual([
      { op: "join", after: "前半，", line: 5 },
      { op: "split", before: "第二段", line: 6 },
      { op: "new-story", text: "加强建设 筑牢根基", line: 7 },
      { op: "merge", story: "把准定位", line: 8 },
      { op: "title", text: "第三篇", line: 9 },
      { op: "byline", text: "徐 勇", story: "把准定位", line: 10 },
      { op: "kicker", text: "引题", line: 11 },
      { op: "subtitle", text: "副题", line: 12 },
      { op: "note", text: "（作者系秘书长）", line: 13 },
      { op: "subheading", text: "小标题", line: 14 },
      { op: "caption", text: "图为", line: 15 },
      { op: "paragraph", text: "2024", line: 16 },
      { op: "credit", text: "文字整理", line: 17 },
    ]);
  });

  it("keeps phrases and overrides exactly as written, even when YAML would read them as numbers", () => {
    const written = read("meta:\n  page: 08\ncorrections:\n  - caption: 1.20\n  - split: {before: 0x1F}\n");
    expect(written.meta).toEqual({ page: "08" });
    expect(written.corrections).toEqual([
      { op: "caption", text: "1.20", line: 4 },
      { op: "split", before: "0x1F", line: 5 },
    ]);
  });

  it("is empty when blank or only comments", () => {
    expect(read("").corrections).toEqual([]);
    expect(read("# nothing to correct yet\n")).toMatchObject({ meta: {}, corrections: [] });
  });

  it.each([
    ["a YAML syntax error", "corrections:\n  - join: {after: \"x\"\n", /^p\.corrections\.yaml:\d: not valid YAML/u],
    ["an unknown top-level key", "fixes:\n  - join: {after: x}\n", /^p\.corrections\.yaml:1: unknown key `fixes`/u],
    ["a correction outside the list", "join: {after: x}\n", /^p\.corrections\.yaml:1: unknown key `join`: .*corrections go in a list under `corrections:`/u],
    ["corrections that are not a list", "corrections:\n  join: {after: x}\n", /^p\.corrections\.yaml:1: `corrections:` should be a list/u],
    ["an unknown operation", "corrections:\n  - glue: x\n", /^p\.corrections\.yaml:2: unknown correction `glue` \(known: join, split, new-story/u],
    ["a join without `after`", "corrections:\n  - join: x\n", /^p\.corrections\.yaml:2: `join` is written `- join: \{after: "last words of the first paragraph"\}`/u],
    ["a split with the wrong key", "corrections:\n  - split: {after: x}\n", /^p\.corrections\.yaml:2: `split` is written `- split: \{before:/u],
    ["an empty phrase", "corrections:\n  - caption: \"  \"\n", /^p\.corrections\.yaml:2: `caption` needs words of the page to find/u],
    ["two operations in one item", "corrections:\n  - caption: x\n    paragraph: y\n", /^p\.corrections\.yaml:2: each correction is one operation/u],
    ["a wrong metadata override", "meta:\n  date: 2025-13-01\n", /^p\.corrections\.yaml:2: `date` should be a real date/u],
    ["an operation named after a member of every object", "corrections:\n  - toString: x\n", /^p\.corrections\.yaml:2: unknown correction `toString`/u],
    ["a top-level key named after one", "constructor: x\n", /^p\.corrections\.yaml:1: unknown key `constructor`: a corrections file has `meta:` and `corrections:`$/u],
    ["an override key named after one", "meta:\n  hasOwnProperty: x\n", /^p\.corrections\.yaml:2: unknown key `hasOwnProperty`/u],
  ])("refuses %s, with its line", (_, content, expected) => {
    expect(message(content)).toMatch(expected);
  });

  it("reports every malformed correction at once", () => {
    expect(message("corrections:\n  - glue: x\n  - caption: y\n  - join: z\n").split("\n")).toEqual([
      expect.stringMatching(/^p\.corrections\.yaml:2: unknown correction `glue`/u),
      expect.stringMatching(/^p\.corrections\.yaml:4: `join` is written/u),
    ]);
  });
});
