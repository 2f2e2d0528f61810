// The PDF passes one by one, on hand-placed geometry: each test states the signal a pass reads.
import { describe, expect, test } from "vitest";
import { creditUnits } from "../../src/pdf/assemble.ts";
import { reflowPdfPage, runPdfPasses } from "../../src/pdf/index.ts";
import type { PdfBlock } from "../../src/pdf/model.ts";
import { xyCut } from "../../src/pdf/order.ts";
import { paragraphsOf } from "../../src/pdf/paragraphs.ts";
import { column, page, rect, run } from "./geometry.ts";

const FULL = "一二三四五六七八九十一二"; // 12 characters: a full line of a 120 pt column at 10 pt
const lineTexts = (geometry: ReturnType<typeof page>) => runPdfPasses(geometry, "lines").lines.map((line) => line.text);

describe("lines", () => {
  test("characters drawn one run each come back as one line", () => {
    const runs = [..."中国海油"].map((char, i) => run(char, 50 + i * 10, 100));
    expect(lineTexts(page(runs))).toEqual(["中国海油"]);
  });

  test("a letter-spaced headline (even gaps) is one line, its word space kept apart from a gutter", () => {
    const size = 30;
    const runs = [..."统筹协调"].map((char, i) => run(char, 20 + i * 45, 100, size));
    runs.push(...[..."规范管理"].map((char, i) => run(char, 20 + 4 * 45 + 25 + i * 45, 100, size)));
    runs.push(...column([FULL, FULL, FULL], 20, 120));
    expect(lineTexts(page(runs))[0]!.replace(/ /gu, "")).toBe("统筹协调规范管理");
  });

  test("columns on one baseline stay apart: a gutter is wider than an em and nothing crosses it below", () => {
    const runs = [...column([FULL, FULL], 20, 50), ...column([FULL, FULL], 160, 50)];
    expect(lineTexts(page(runs))).toEqual([FULL, FULL, FULL, FULL]);
  });

  test("a column rule parts runs however close", () => {
    const runs = [run("左栏文字", 20, 100), run("右栏文字", 64, 100)];
    expect(lineTexts(page(runs, { rules: [rect(62, 80, 0.5, 40)] }))).toEqual(["左栏文字", "右栏文字"]);
  });

  test("squeezed punctuation overlapping the run before still joins it", () => {
    expect(lineTexts(page([run("后一棒”", 20, 100), run("。", 55, 100)]))).toEqual(["后一棒”。"]);
  });
});

describe("blocks", () => {
  const blocksOf = (geometry: ReturnType<typeof page>) => runPdfPasses(geometry, "blocks").blocks.map((block) => block.lines.map((line) => line.text));

  test("lines one under the other with no more than leading between them are one block", () => {
    expect(blocksOf(page(column([FULL, FULL, FULL], 20, 50)))).toHaveLength(1);
  });

  test("white space, another font or a rule between lines starts a new block", () => {
    const gap = [...column([FULL, FULL], 20, 50), ...column([FULL, FULL], 20, 110)];
    expect(blocksOf(page(gap))).toHaveLength(2);
    const font = [...column([FULL, FULL], 20, 50), ...column(["仿宋的说明文字"], 20, 80, 10, 15, "Other")];
    expect(blocksOf(page(font))).toHaveLength(2);
    expect(blocksOf(page(column([FULL, FULL, FULL, FULL], 20, 50), { rules: [rect(10, 81, 200, 0.5)] }))).toHaveLength(2);
  });
});

describe("order", () => {
  const block = (id: number, x: number, y: number, width: number, height: number) => ({ id, x, y, width, height }) as PdfBlock;

  test("recursive XY-cut reads a headline across two columns, then the columns left to right", () => {
    const blocks = [block(3, 160, 60, 120, 200), block(1, 20, 10, 260, 30), block(2, 20, 60, 120, 200)];
    expect(xyCut(blocks).map((b) => b.id)).toEqual([1, 2, 3]);
  });
});

describe("furniture and roles", () => {
  const body = (x: number, top: number, count: number) => column(Array.from({ length: count }, () => FULL), x, top);

  test("what stands beyond a full-width rule at the top (masthead) or bottom (footer) is credits; size makes headlines", () => {
    const runs = [
      run("测试日报", 20, 40, 36, "Mast"),
      run("2025年6月30日 星期一", 400, 40, 10, "Sans"),
      run("大标题在这里", 20, 100, 24, "Head"),
      ...body(20, 110, 6),
      run("责任编辑：王五", 400, 760, 9, "Sans"),
    ];
    const state = runPdfPasses(page(runs, { rules: [rect(20, 50, 560, 2), rect(20, 740, 560, 1)] }), "roles");
    const roleOf = (text: string) => state.blocks.find((b) => b.lines[0]!.text.startsWith(text))!.role;
    expect([roleOf("测试日报"), roleOf("2025年"), roleOf("大标题"), roleOf(FULL), roleOf("责任编辑")]).toEqual(["credit", "credit", "headline", "paragraph", "credit"]);
    expect(state.decisions.filter((decision) => decision.pass === "pdf-furniture").map((decision) => decision.context)).toEqual(expect.arrayContaining(["测试日报", "责任编辑：王五"]));
  });

  test("bylines by shape (□, role and name), captions beside a picture, headings bold", () => {
    const runs = [
      run("标题文字很大", 20, 60, 24, "Head"),
      run("□张 三", 20, 90, 10, "Sans"),
      ...body(20, 100, 4),
      run("图为会议现场。", 20, 230, 9, "Sans"),
      run("小标题一", 20, 260, 10, "Sans-Bold"),
      ...body(20, 265, 3),
    ];
    const state = runPdfPasses(page(runs, { images: [rect(20, 170, 120, 48)] }), "roles");
    const roles = state.blocks.map((b) => `${b.role}:${b.lines[0]!.text}`);
    expect(roles).toEqual(expect.arrayContaining(["headline:标题文字很大", "byline:□张 三", "caption:图为会议现场。", "heading:小标题一"]));
  });
});

describe("stories", () => {
  test("each column goes to the nearest headline above it over its columns; side by side stories stay apart", () => {
    const runs = [
      run("左边的标题", 20, 40, 20, "Head"),
      run("右边的标题", 320, 40, 20, "Head"),
      ...column(["左一二三四五六七八九十一", FULL, FULL], 20, 60),
      ...column(["左二栏三四五六七八九十一", FULL, "结束了。"], 160, 60),
      ...column(["右一二三四五六七八九十一", FULL, "右栏结束。"], 320, 60),
    ];
    const { stories, decisions } = reflowPdfPage(page(runs));
    expect(stories.map((story) => story.title)).toEqual(["左边的标题", "右边的标题"]);
    expect(stories[0]!.blocks.map((block) => block.text[0])).toEqual(["左"]);
    expect(stories[0]!.blocks[0]!.text).toContain("左二栏");
    expect(decisions.every((decision) => decision.pass === "pdf-stories" && decision.confidence > 0 && decision.context !== "")).toBe(true);
  });

  test("every character of the text layer ends up in the edition once", () => {
    const runs = [run("标题", 20, 40, 20, "Head"), ...column(["正文一二三四五六七八九十", "二三四。"], 20, 60), run("（作者系某单位干部）", 20, 110, 9, "Sans")];
    const result = reflowPdfPage(page(runs));
    const all = [...result.credits, ...result.stories.flatMap((s) => [s.title, s.byline ?? "", s.authorNote ?? "", ...s.blocks.map((b) => b.text)])].join("");
    expect([...all.replace(/\s/gu, "")].sort().join("")).toBe([...runs.map((r) => r.text).join("").replace(/\s/gu, "")].sort().join(""));
    expect(result.stories[0]!.authorNote).toBe("（作者系某单位干部）");
  });
});

describe("paragraphs", () => {
  const blockOf = (texts: string[], x = 20, indentFirst = true) => {
    const state = runPdfPasses(page(texts.map((text, i) => run(text, x + (indentFirst && i === 0 ? 20 : 0), 20 + i * 15))), "blocks");
    return state.blocks[0]!;
  };

  test("a first line indented two ems opens a paragraph; a column break alone does not", () => {
    const state = runPdfPasses(page([run("一二三四五六七八九十", 40, 20), run(FULL, 20, 35), run("三四五。", 20, 50), run("六七八九十一二三四十", 40, 65), run(FULL, 20, 80)]), "blocks");
    expect(paragraphsOf(state.blocks)).toEqual([`一二三四五六七八九十${FULL}三四五。`, `六七八九十一二三四十${FULL}`]);
    expect(paragraphsOf([blockOf([FULL, FULL, FULL], 20, false)])).toHaveLength(1);
  });
});

describe("credits", () => {
  test("one unit per line, except lines that wrap (as wide as the next) or end with a colon over the block below", () => {
    const state = runPdfPasses(page([run("出版的第二十期杂志发表", 20, 40, 20), run("总书记的重要文章如下：", 20, 64, 20), run("《一篇讲话》", 20, 100, 30), run("主管主办", 400, 40, 10), run("国内统一连续出版物号 CN 11-0000", 300, 55, 10)]), "blocks");
    expect(creditUnits(state.blocks)).toEqual(["出版的第二十期杂志发表 总书记的重要文章如下： 《一篇讲话》", "主管主办", "国内统一连续出版物号 CN 11-0000"]);
  });
});

describe("vertical headlines", () => {
  test("a headline set a character per line reads as one word, and the text beside it goes to it, flagged for a check", () => {
    const runs = [..."竖排的标题"].map((char, i) => run(char, 20, 60 + i * 26, 24, "Head"));
    runs.push(...column(["正文开始三四五六七八九十", FULL, "结束。"], 60, 40));
    const { stories, decisions } = reflowPdfPage(page(runs));
    expect(stories.map((story) => story.title)).toEqual(["竖排的标题"]);
    expect(decisions.some((decision) => decision.confidence < 0.8 && decision.message.includes("nearest headline"))).toBe(true);
  });
});
