// What the print view decides before any layout: the masthead's words, which story leads, which
// stories are boxed commentaries, in what order everything is set, and which font slices it needs.
import { describe, expect, it } from "vitest";
import { parseUnicodeRange, slicesFor } from "../../src/print/fonts.ts";
import { COMMENTARY_MAX_CHARACTERS } from "../../src/layout.ts";
import { mastheadFor, newspaperDate, printEdition, printSections, printedTexts } from "../../src/print/view.ts";
import type { Edition, Story } from "../../src/types.ts";

const story = (title: string, extra: Partial<Story> = {}): Story => ({
  id: title,
  title,
  authors: [],
  blocks: [{ type: "paragraph", text: `${title}的正文。` }],
  ...extra,
});
const commentary = (title: string) => story(title, { byline: "□江 波", authorNote: "（作者系某某）" });
const edition = (stories: Story[]): Edition => ({
  source: "x.txt",
  slug: "x",
  meta: { publication: "某某报", date: "2025-06-30", page: "机关建设", pageNumber: 4 },
  stories,
  credits: ["（文字整理某某）"],
});

describe("the masthead", () => {
  it("prints the date the Chinese way, with the weekday", () => {
    expect(newspaperDate("2025-06-30")).toBe("2025年6月30日 星期一");
    expect(newspaperDate("2022-08-22")).toBe("2022年8月22日 星期一");
    expect(newspaperDate("2024-02-29")).toBe("2024年2月29日 星期四");
  });

  it("leaves a date it cannot read as it is, and the page number out when there is none", () => {
    expect(newspaperDate("2025年夏")).toBe("2025年夏");
    const { pageNumber, pageName } = mastheadFor({ ...edition([]), meta: { publication: "某某报", date: "", page: "要闻" } });
    expect([pageNumber, pageName]).toEqual(["", "要闻"]);
    expect(mastheadFor(edition([])).pageNumber).toBe("第4版");
  });
});

describe("the order of the page", () => {
  it("leads with the first story that has a kicker or subtitle, the rest in page order", () => {
    const stories = [story("甲"), story("乙"), story("丙", { kicker: "引题——" }), story("丁", { subtitle: "副题" })];
    expect(printSections(stories).map((section) => (section.kind === "commentaries" ? "" : `${section.kind}:${section.story.title}`))).toEqual([
      "lead:丙",
      "story:甲",
      "story:乙",
      "story:丁",
    ]);
  });

  it("leads with the first story when none has a display headline", () => {
    expect(printSections([story("甲"), story("乙")])[0]).toMatchObject({ kind: "lead", story: { title: "甲" } });
  });

  it("boxes signed commentaries, side by side in rows of up to three", () => {
    const sections = printSections([story("头条", { kicker: "引" }), ...["一", "二", "三", "四"].map(commentary), story("尾"), commentary("五")]);
    expect(sections.map((section) => (section.kind === "commentaries" ? section.stories.map((item) => item.title).join("") : section.kind))).toEqual([
      "lead",
      "一二三",
      "四",
      "story",
      "五",
    ]);
  });

  it("sets a signed article too long for a box as an ordinary story", () => {
    const long = story("长文", { authorNote: "（作者系某某）", blocks: [{ type: "paragraph", text: "字".repeat(COMMENTARY_MAX_CHARACTERS) }] });
    expect(printSections([story("头条"), long]).map((section) => section.kind)).toEqual(["lead", "story"]);
  });

  it("sets every string once, in the order the page reads", () => {
    const stories = [commentary("评论"), story("头条", { kicker: "引题", subtitle: "副题", byline: "□记者" })];
    const masthead = ["某某报", "2025年6月30日 星期一", "第4版", "机关建设"];
    const lead = ["引题", "头条", "副题", "□记者", "头条的正文。", ""];
    const boxed = ["", "评论", "", "□江 波", "评论的正文。", "（作者系某某）"];
    expect(printedTexts(printEdition(edition(stories)))).toEqual([...masthead, ...lead, ...boxed, "（文字整理某某）"]);
  });
});

describe("the font slices", () => {
  it("reads unicode-range lists", () => {
    expect(parseUnicodeRange("U+4e00-4e0f, U+3000,U+ff01-ff5e")).toEqual([
      [0x4e00, 0x4e0f],
      [0x3000, 0x3000],
      [0xff01, 0xff5e],
    ]);
  });

  it("picks, for each of the four faces, only the slices that hold the text's characters", () => {
    const one = slicesFor("政", "fonts");
    expect(one.map((slice) => slice.name.replace(/-\d+-(\d+)-normal\.woff2$/u, "-$1"))).toEqual([
      "noto-serif-sc-400",
      "noto-serif-sc-900",
      "noto-sans-sc-400",
      "noto-sans-sc-700",
    ]);
    expect(one.every((slice) => slice.rule.includes(`src: url(fonts/${slice.name}) format('woff2');`))).toBe(true);
    expect(one.every((slice) => slice.rule.includes("font-display: block;"))).toBe(true);
    expect(slicesFor("政协委员", "fonts").length).toBeGreaterThanOrEqual(4);
    expect(slicesFor("", "fonts")).toEqual([]);
  });
});
