// Source text that looks like markup stays text in the print view and its PDF (and its title is
// escaped once), runs of digits and of letters longer than a page neither overflow their column
// nor come out clipped, doubled or with Paged.js's break hyphens, and characters no embedded font
// has (CJK Extension B, emoji) are named by the build, each exactly once.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDigest } from "../../src/edition/load.ts";
import { printEdition } from "../../src/print/view.ts";
import { pdfUrl, printUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { checkEdition } from "./layout-checks.ts";
import { readPdf, textOf } from "./pdf.ts";

const DIGITS = Array.from({ length: 20_000 }, (_, k) => (k + 1) % 10).join("");
const LETTERS = Array.from({ length: 20_000 }, (_, k) => String.fromCharCode(97 + (k % 26))).join("");
const SOURCE = `<b>标题</b>与<script>alert(1)</script>的测试

□记 者

    第一段：正文里有尖括号<i>不是标记</i>、和号&amp;与引号"双"'单'。这是一段用来测试的正文，写得足够长，让它成为一个段落。

    第二段是一长串数字：${DIGITS}。这一段长过一页，分页落在数字中间。

    第三段是一长串字母：${LETTERS}。这一段也长过一页。

    第四段：结束。这是最后一段正文，也写得足够长，让它成为一个段落，完。
`;
const META = `publication: "<em>测试报</em>"\ndate: "2024-01-02"\npage: "<u>要闻</u>"\npageNumber: 1\n`;

const sources = join(mkdtempSync(join(tmpdir(), "broadsheet-hostile-")), "sources");
mkdirSync(sources);
writeFileSync(join(sources, "hostile.txt"), SOURCE);
writeFileSync(join(sources, "hostile.meta.yaml"), META);
const RARE = "𠀀𪚥😀";
writeFileSync(join(sources, "rare.txt"), `罕见字的测试\n\n□记 者\n\n    这一段里有扩展B区的字${RARE.slice(0, 4)}和表情${RARE.slice(4)}，写得足够长，让它成为一个段落，完。\n`);
writeFileSync(join(sources, "rare.meta.yaml"), `publication: 测试报\ndate: "2024-01-03"\npage: 罕见字\n`);
const edition = loadDigest(sources).editions.find((candidate) => candidate.source === "hostile.txt");
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite({ sources });
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("a source full of markup-like text and a page-long number", () => {
  it("reflows into one story holding the markup-like text and the number", () => {
    expect(edition!.stories[0]!.title).toBe("<b>标题</b>与<script>alert(1)</script>的测试");
    const text = edition!.stories[0]!.blocks.map((block) => block.text).join("");
    expect(text).toContain(DIGITS);
    expect(text).toContain(LETTERS);
  });

  it("is escaped in the print view, never markup", () => {
    const html = readFileSync(join(site.directory, printUrl(edition), "index.html"), "utf8");
    expect(html).toContain("&lt;b&gt;标题&lt;/b&gt;与&lt;script&gt;alert(1)&lt;/script&gt;的测试");
    expect(html).toContain("&lt;em&gt;测试报&lt;/em&gt;");
    expect(html).not.toMatch(/<script>alert|<b>标题|<i>不是|<em>测试/u);
    expect(html).toContain("<title>&lt;em&gt;测试报&lt;/em&gt; 2024-01-02 &lt;u&gt;要闻&lt;/u&gt; · 印刷版</title>");
  });

  it("comes out of the PDF character for character, across pages, with no break hyphen", async () => {
    const pages = await readPdf(join(site.directory, pdfUrl(edition)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((page) => textOf(page.runs)).join("")).not.toContain("\u2011");
    checkEdition(printEdition(edition!), pages, 1, "a3");
  });

  it("names its title in the PDF as the text it is, escaped nowhere", async () => {
    const pdf = await PDFDocument.load(readFileSync(join(site.directory, pdfUrl(edition))), { updateMetadata: false });
    expect(pdf.getTitle()).toBe("<em>测试报</em> 2024-01-02 <u>要闻</u> · 印刷版");
  });

  it("names, once each, the characters no embedded font has, and where", () => {
    const lines = site.stderr.split("\n").filter((line) => line.startsWith("fonts:"));
    expect(lines.length).toBe(1);
    expect(lines[0]).toContain("3 character(s) no embedded font has");
    expect(lines[0]).toContain("😀 U+1F600, 𠀀 U+20000, 𪚥 U+2A6A5");
    expect(lines[0]).toContain("(in rare.txt)");
  });
});
