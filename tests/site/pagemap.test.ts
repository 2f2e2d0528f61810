import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { injectPageMaps, readPictureMap } from "../../src/site/pagemap.ts";

/** A site of one edition page and one issue page, with or without the edition's picture. */
function site(picture?: object): string {
  const directory = mkdtempSync(join(tmpdir(), "broadsheet-pagemap-"));
  mkdirSync(join(directory, "editions", "p1"), { recursive: true });
  mkdirSync(join(directory, "issue"), { recursive: true });
  const links = '<a href="/sub/editions/p1/s1/">一</a><a href="/sub/editions/p1/s2/">二</a>';
  writeFileSync(join(directory, "editions", "p1", "index.html"), `<head><!--broadsheet:og-image p1 https://x.org/sub/pictures/p1.jpg--></head><div><!--broadsheet:pagemap p1 /sub/pictures/p1.jpg /sub/editions/p1/--></div>${links}`);
  writeFileSync(join(directory, "issue", "index.html"), `<a href="/sub/editions/p1/"><!--broadsheet:thumbnail p1 /sub/pictures/p1.jpg-->第1版</a>`);
  if (picture) {
    mkdirSync(join(directory, "pictures"));
    for (const name of ["p1.jpg", "p1-small.jpg"]) writeFileSync(join(directory, "pictures", name), "jpeg");
    writeFileSync(join(directory, "pictures", "p1.json"), JSON.stringify(picture));
  }
  return directory;
}

/** A page as a reader's browser shows it: the placeholders and their end marks are comments. */
const read = (directory: string, path: string) => readFileSync(join(directory, path, "index.html"), "utf8").replace(/<!--\/?broadsheet[^>]*-->/gu, "");

describe("injectPageMaps", () => {
  it("puts the picture, its story areas, the thumbnail and og:image where the templates asked", async () => {
    const areas = [
      { story: "s1", title: "标题<b>一</b>", rects: [[0.1, 0.1, 0.5, 0.2], [0.1, 0.4, 0.5, 0.2]] },
      { story: "s2", title: "标题二", rects: [[0.6, 0.1, 0.3, 0.5]] },
      { story: "s9", title: "别版的文章", rects: [[0, 0, 0.1, 0.1]] },
      { story: "s2\"><script>", title: "x", rects: [[0, 0, 0.1, 0.1]] },
      { story: "s1", title: "坏区域", rects: [[2, 0, 0.1, 0.1], [0, 0, 0, 0.1], "x"] },
    ];
    const directory = site({ width: 1200, height: 1700, areas });
    expect(await injectPageMaps(directory)).toBe(2);
    const edition = read(directory, "editions/p1");
    expect(edition).toContain('<meta property="og:image" content="https://x.org/sub/pictures/p1.jpg">');
    expect(edition).toContain('<img src="/sub/pictures/p1.jpg" width="1200" height="1700" alt="本版版面图">');
    expect(edition.match(/class="pagemap-area"/gu)).toHaveLength(3);
    expect(edition).toContain('href="/sub/editions/p1/s1/" style="left:10.000%;top:10.000%;width:50.000%;height:20.000%"><span class="pagemap-label">标题&lt;b&gt;一&lt;/b&gt;</span>');
    expect(edition).toContain('tabindex="-1" aria-hidden="true"');
    expect(edition).not.toMatch(/s9|<script>|坏区域|<!--/u);
    expect(read(directory, "issue")).toBe('<a href="/sub/editions/p1/"><img class="page-thumbnail" src="/sub/pictures/p1-small.jpg" alt="" loading="lazy" width="1200" height="1700">第1版</a>');
  });

  it("can fill a page again: a picture made later replaces the empty place, the same picture changes nothing", async () => {
    const directory = site();
    expect(await injectPageMaps(directory)).toBe(0);
    mkdirSync(join(directory, "pictures"));
    for (const name of ["p1.jpg", "p1-small.jpg"]) writeFileSync(join(directory, "pictures", name), "jpeg");
    writeFileSync(join(directory, "pictures", "p1.json"), JSON.stringify({ width: 10, height: 20, areas: [{ story: "s1", title: "一", rects: [[0, 0, 1, 1]] }] }));
    expect(await injectPageMaps(directory)).toBe(2);
    const once = readFileSync(join(directory, "editions", "p1", "index.html"), "utf8");
    expect(once.match(/class="pagemap-area"/gu)).toHaveLength(1);
    expect(await injectPageMaps(directory)).toBe(2);
    expect(readFileSync(join(directory, "editions", "p1", "index.html"), "utf8")).toBe(once);
  });

  it("adds nothing when there is no picture, or its JSON is not what it should be", async () => {
    for (const picture of [undefined, { width: 0, height: 10, areas: [] }, { width: 10, height: 10 }]) {
      const directory = site(picture);
      expect(await injectPageMaps(directory)).toBe(0);
      expect(read(directory, "editions/p1")).toBe('<head></head><div></div><a href="/sub/editions/p1/s1/">一</a><a href="/sub/editions/p1/s2/">二</a>');
      expect(read(directory, "issue")).toBe('<a href="/sub/editions/p1/">第1版</a>');
    }
  });

  it("reads a picture's JSON leniently: bad areas dropped, a broken file as no picture", () => {
    const directory = mkdtempSync(join(tmpdir(), "broadsheet-pagemap-"));
    writeFileSync(join(directory, "bad.json"), "{not json");
    expect(readPictureMap(join(directory, "bad.json"))).toBeUndefined();
    expect(readPictureMap(join(directory, "missing.json"))).toBeUndefined();
  });
});
