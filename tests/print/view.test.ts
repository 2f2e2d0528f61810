// What the print view decides before any layout: the masthead's words, which story leads, which
// stories are boxed commentaries, in what order everything is set; the fonts, the page map, the issues.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CharacterSet, FACES, FONTS_FOLDER, writeFonts } from "../../src/print/fonts.ts";
import { printIssues } from "../../src/print/issues.ts";
import { issuePdfUrl } from "../../src/site/urls.ts";
import { mergeBoxes } from "../../src/print/pictures.ts";
import { timeoutFor } from "../../src/print/render.ts";
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

describe("the fonts", () => {
  it("collect every character of the pages, printable ASCII always", () => {
    const characters = new CharacterSet();
    characters.add("政协<b>");
    characters.add("𠀀协");
    expect(characters.codePoints.has(0x653f)).toBe(true);
    expect(characters.codePoints.has(0x20000)).toBe(true);
    expect(characters.codePoints.has("A".codePointAt(0)!)).toBe(true);
    expect(characters.text().startsWith(" !")).toBe(true);
    expect(characters.text().endsWith("𠀀")).toBe(true);
  });

  it("name exactly the characters no embedded font has: CJK Extension B and emoji, not Han or Latin; cut afresh and from the cache alike", async () => {
    const characters = new CharacterSet();
    characters.add("政协委员 Broadsheet 𠀀𪚥😀\u3000\n");
    const site = mkdtempSync(join(tmpdir(), "broadsheet-fonts-"));
    const cache = process.env.BROADSHEET_CACHE;
    process.env.BROADSHEET_CACHE = join(site, "cache");
    try {
      for (const cut of ["afresh", "from the cache"]) {
        const missing = (await writeFonts(site, characters)).map((codePoint) => String.fromCodePoint(codePoint));
        expect(missing, cut).toEqual(["😀", "𠀀", "𪚥"]);
        expect(readdirSync(join(site, FONTS_FOLDER)).filter((file) => !file.endsWith(".woff")), cut).toEqual(["fonts.css"]);
      }
    } finally {
      if (cache === undefined) delete process.env.BROADSHEET_CACHE;
      else process.env.BROADSHEET_CACHE = cache;
      rmSync(site, { recursive: true, force: true });
    }
  });

  it("declare the two families the site and the print view use, serif in three weights, sans in two", () => {
    expect(FACES.map((face) => `${face.family} ${face.weight}`)).toEqual([
      "Broadsheet Serif 400",
      "Broadsheet Serif 700",
      "Broadsheet Serif 900",
      "Broadsheet Sans 400",
      "Broadsheet Sans 700",
    ]);
  });
});

describe("the page map", () => {
  it("makes one box of a story's blocks one under another in a column, and keeps columns and stories apart", () => {
    const box = (story: string, x: number, y: number, height: number) => ({ story, x, y, width: 100, height });
    const merged = mergeBoxes([box("a", 0, 0, 20), box("a", 0, 22, 40), box("a", 110, 0, 50), box("b", 0, 70, 10), box("a", 0, 200, 10)], 12);
    expect(merged.map(({ story, x, y, height }) => [story, x, y, height])).toEqual([
      ["a", 0, 0, 62],
      ["a", 0, 200, 10],
      ["a", 110, 0, 50],
      ["b", 0, 70, 10],
    ]);
  });
});

describe("the renderer's limits and issues", () => {
  it("gives a view more time the longer it is", () => {
    expect(timeoutFor(50_000)).toBeLessThan(timeoutFor(2_000_000));
    expect(timeoutFor(0)).toBeGreaterThanOrEqual(30_000);
  });

  it("groups one publication's pages of one date into an issue, in page order, newest first, as the website does", () => {
    const edition = (slug: string, publication: string, date: string, pageNumber: number) =>
      ({ slug, source: `${slug}.txt`, meta: { publication, date, page: "版", pageNumber }, stories: [], credits: [] }) as Edition;
    const issues = printIssues([edition("a2", "甲报", "2024-01-01", 2), edition("b1", "乙报", "2024-01-01", 1), edition("a1", "甲报", "2024-01-01", 1), edition("c", "甲报", "2024-01-02", 1)]);
    expect(issues.map((issue) => [issue.publication, issue.date, issue.editions.map((e) => e.slug)])).toEqual([
      ["甲报", "2024-01-02", ["c"]],
      ["甲报", "2024-01-01", ["a1", "a2"]],
      ["乙报", "2024-01-01", ["b1"]],
    ]);
    expect(issuePdfUrl(issues[1]!.publication, issues[1]!.date)).toMatch(/^\/pdf\/issues\/2024-01-01-[0-9a-f]{8}\.pdf$/u);
    expect(issuePdfUrl(issues[1]!.publication, issues[1]!.date)).not.toBe(issuePdfUrl(issues[2]!.publication, issues[2]!.date));
  });
});
