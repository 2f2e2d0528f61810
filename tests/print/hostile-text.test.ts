// Source text that looks like markup stays text in the print view and its PDF, and a run of digits
// longer than a page neither overflows its column nor comes out with Paged.js's break hyphens.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDigest } from "../../src/edition/load.ts";
import { printEdition } from "../../src/print/view.ts";
import { pdfUrl, printUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { checkEdition } from "./layout-checks.ts";
import { readPdf, textOf } from "./pdf.ts";

const DIGITS = Array.from({ length: 20_000 }, (_, k) => (k + 1) % 10).join("");
const SOURCE = `<b>标题</b>与<script>alert(1)</script>的测试

□记 者

    第一段：正文里有尖括号<i>不是标记</i>、和号&amp;与引号"双"'单'。这是一段用来测试的正文，写得足够长，让它成为一个段落。

    第二段是一长串数字：${DIGITS}。这一段长过一页，分页落在数字中间。

    第三段：结束。这是最后一段正文，也写得足够长，让它成为一个段落，完。
`;
const META = `publication: "<em>测试报</em>"\ndate: "2024-01-02"\npage: "<u>要闻</u>"\npageNumber: 1\n`;

const sources = join(mkdtempSync(join(tmpdir(), "broadsheet-hostile-")), "sources");
mkdirSync(sources);
writeFileSync(join(sources, "hostile.txt"), SOURCE);
writeFileSync(join(sources, "hostile.meta.yaml"), META);
const [edition] = loadDigest(sources).editions;
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite({ sources });
  expect(site.exitCode, site.stderr).toBe(0);
});

describe("a source full of markup-like text and a page-long number", () => {
  it("reflows into one story holding the markup-like text and the number", () => {
    expect(edition!.stories[0]!.title).toBe("<b>标题</b>与<script>alert(1)</script>的测试");
    expect(edition!.stories[0]!.blocks.map((block) => block.text).join("")).toContain(DIGITS);
  });

  it("is escaped in the print view, never markup", () => {
    const html = readFileSync(join(site.directory, printUrl(edition), "index.html"), "utf8");
    expect(html).toContain("&lt;b&gt;标题&lt;/b&gt;与&lt;script&gt;alert(1)&lt;/script&gt;的测试");
    expect(html).toContain("&lt;em&gt;测试报&lt;/em&gt;");
    expect(html).not.toMatch(/<script>alert|<b>标题|<i>不是|<em>测试/u);
  });

  it("comes out of the PDF character for character, across pages, with no break hyphen", async () => {
    const pages = await readPdf(join(site.directory, pdfUrl(edition)));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((page) => textOf(page.runs)).join("")).not.toContain("\u2011");
    checkEdition(printEdition(edition!), pages, 1, "a3");
  });
});
