// The search index's shards (src/site/search.ts): how many, which story goes where, and what of a
// page decides whether its shard must be indexed again.
import { describe, expect, it } from "vitest";
import { indexedPart, shardCount, shardOf } from "../../src/site/search.ts";

describe("shardCount", () => {
  it("is one shard up to half again the shard size, then doubles", () => {
    expect([0, 1, 1500, 1501, 3000, 3001, 7300].map((stories) => shardCount(stories, 1000))).toEqual([1, 1, 1, 2, 2, 4, 8]);
  });
});

describe("shardOf", () => {
  it("puts every story of an edition in one shard, and spreads editions over all shards", () => {
    const shardsOf = (edition: number) => new Set(["a1", "b2", "c3"].map((story) => shardOf(`/editions/p${edition}/${story}/`, 8)));
    for (let edition = 0; edition < 50; edition++) expect(shardsOf(edition).size).toBe(1);
    const used = new Set(Array.from({ length: 200 }, (_, edition) => shardOf(`/editions/p${edition}/x/`, 8)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("indexedPart", () => {
  const page = (pager: string, body: string) =>
    `<html><head><meta property="og:title" content="题" data-pagefind-meta="title[content]"></head><body><nav>${pager}</nav>` +
    `<article class="story" data-pagefind-body><h1>题</h1>${body}</article><nav class="pager">${pager}</nav></body></html>`;

  it("ignores what Pagefind does not read (links to neighbours)", () => {
    expect(indexedPart(page("上一篇：甲", "<p>正文</p>"))).toBe(indexedPart(page("上一篇：乙", "<p>正文</p>")));
  });

  it("holds the indexed body and the metadata tags", () => {
    expect(indexedPart(page("", "<p>正文一</p>"))).not.toBe(indexedPart(page("", "<p>正文二</p>")));
    expect(indexedPart(page("", "<p>正文</p>"))).toContain('data-pagefind-meta="title[content]"');
  });

  it("is a page of its own: the tags around the body closed at once, the body whole, nothing else", () => {
    const crumbs = '<a href="/e/" data-pagefind-filter="报纸[data-publication]" data-publication="日报">日报 第1版</a>';
    expect(indexedPart(page(crumbs, "<p>正文</p>"))).toBe(
      '<html><body><meta property="og:title" content="题" data-pagefind-meta="title[content]">' +
        '<a data-pagefind-filter="报纸[data-publication]" data-publication="日报"></a><a data-pagefind-filter="报纸[data-publication]" data-publication="日报"></a>' +
        '<article class="story" data-pagefind-body><h1>题</h1><p>正文</p></article></body></html>',
    );
  });

  it("is the same page with or without the path prefix and the serialization Eleventy then gives it", () => {
    const plain = page("", '<p class="byline"><a class="person" href="/authors/甲/" data-person="甲">甲</a></p>');
    const prefixed = plain.replace('href="/authors/', 'href="/news/authors/').replace("data-pagefind-body>", 'data-pagefind-body="">');
    expect(indexedPart(prefixed)).toBe(indexedPart(plain));
    expect(indexedPart(plain)).toContain('<a class="person" data-person="甲">甲</a>');
  });

  it("keeps text that merely looks like an attribute (it arrives escaped)", () => {
    const text = "<p>写作 href=&quot;x&quot; 与 a=&quot;&quot;</p>";
    expect(indexedPart(page("", text))).toContain(text);
  });

  it("follows nested elements of the body's own kind to its end", () => {
    const nested = indexedPart(page("", "<article><p>内</p></article><p>尾段</p>"));
    expect(nested).toContain("尾段");
    expect(nested).not.toContain("pager");
  });
});
