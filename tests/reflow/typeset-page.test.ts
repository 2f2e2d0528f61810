// The page typesetter lays out what issue 8 lists the way pdftotext leaves it: checked line by line
// on a small page, so the corpus measures the reflow on the layouts it claims to.
import { describe, expect, it } from "vitest";
import { type PageLayout, type StoryPrint, typesetPage } from "./typeset.ts";

const layout: PageLayout = {
  header: ["2025年11月28日 星期五  第3版  要闻"],
  footer: ["责任编辑：高原"],
  titlePairs: [],
  columnHeight: 100,
  doubleSpaced: false,
  displaceSections: false,
  spreadChance: 0,
  tightParagraphChance: 1,
  widthJitter: 0,
  longLineChance: 0,
  digitSpacing: false,
  keepSpaces: true,
};

const news: StoryPrint = {
  columnWidth: 12,
  story: { title: "湖区新建观鸟步道", authors: ["石青", "丁一"], blocks: [{ type: "paragraph", text: "本报讯 （记者 石青 通讯员 丁一）11月3日，湖区新建的观鸟步道正式开放，全长六公里。" }, { type: "paragraph", text: "（下转第二版）" }] },
};
const signed: StoryPrint = {
  columnWidth: 14,
  signature: true,
  story: { title: "夜校开课", byline: "宗文", authors: ["宗文"], blocks: [{ type: "paragraph", text: "本报讯 社区夜校本周开课，首批开设书法和摄影两门课程。" }] },
};
const theory: StoryPrint = {
  columnWidth: 10,
  titleLines: ["理论文章标题", "第 二 行"],
  bylineLines: ["省委党校教授", "白 露"],
  story: {
    title: "理论文章标题 第二行",
    byline: "省委党校教授 白 露",
    authors: ["白露"],
    blocks: [{ type: "heading", text: "一、比所在栏目更宽的一个小标题" }, { type: "paragraph", text: "正文第一段，说明这一节的道理。" }],
  },
};

const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

describe("typesetPage", () => {
  it("prints header and footer credits around the stories, keeping a dateline's gaps", () => {
    const page = lines(typesetPage([news], layout, 1));
    expect(page[0]).toBe(layout.header[0]);
    expect(page[page.length - 1]).toBe("责任编辑：高原");
    expect(page[1]).toBe("湖区新建观鸟步道");
    expect(page[2]).toMatch(/^本报讯 （记者 石青/u);
    expect(page[page.length - 2]).toBe("（下转第二版）");
  });

  it("prints a head after its body, and a run of two heads after both bodies", () => {
    const page = lines(typesetPage([{ ...news, headAfter: true }, { ...signed, headAfter: true, sharesRun: true }], layout, 2));
    const title = (t: string) => page.indexOf(t);
    expect(title("湖区新建观鸟步道")).toBeGreaterThan(page.findIndex((line) => line.startsWith("本报讯 社区夜校")));
    expect(title("夜校开课")).toBe(title("湖区新建观鸟步道") + 1);
  });

  it("puts a signature alone after the body, and two titles on one line when paired", () => {
    const page = lines(typesetPage([signed, news], { ...layout, titlePairs: [0] }, 3));
    expect(page[1]).toMatch(/^夜校开课 +湖区新建观鸟步道$/u);
    expect(page[page.indexOf("宗文") - 1]).toMatch(/。$/u);
    expect(page).not.toContain("湖区新建观鸟步道");
  });

  it("sets a centred title off with a leading space, as extraction leaves it", () => {
    const page = typesetPage([theory], { ...layout, centeredHeads: true }, 4).split("\n");
    expect(page.slice(1, 4)).toEqual([" 理论文章标题", " 第 二 行", "省委党校教授"]);
  });

  it("prints titles and bylines line by line and wraps a heading wider than its column", () => {
    const page = lines(typesetPage([theory], layout, 4));
    expect(page.slice(1, 5)).toEqual(["理论文章标题", "第 二 行", "省委党校教授", "白 露"]);
    expect(page[5]).toBe("一、比所在栏目更宽的");
    expect(page[6]).toBe("一个小标题");
  });

  it("breaks columns in column text only: a head is a box of its own, never parted by a blank line", () => {
    // two lines a column: every body line ends a column, yet the head's four lines stay together
    const page = typesetPage([theory], { ...layout, columnHeight: 2 }, 4).split("\n");
    const title = page.indexOf("理论文章标题");
    expect(page.slice(title, title + 4)).toEqual(["理论文章标题", "第 二 行", "省委党校教授", "白 露"]);
    expect(page.filter((line) => line === "").length).toBeGreaterThan(1);
  });

  it("keeps every character of its stories and credits, and no other", () => {
    const prints = [news, signed, theory];
    const text = typesetPage(prints, { ...layout, titlePairs: [0], digitSpacing: true, spreadChance: 0.5, orphanStopChance: 0.5, tightParagraphChance: 0.3 }, 5);
    const gold = [...layout.header, ...layout.footer, ...prints.flatMap(({ story }) => [story.title, story.byline ?? "", ...story.blocks.map((block) => block.text)])];
    const sorted = (s: string) => [...s.replace(/\s+/gu, "")].sort().join("");
    expect(sorted(text)).toBe(sorted(gold.join("")));
  });
});
