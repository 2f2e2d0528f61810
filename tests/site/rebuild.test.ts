import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { siteDigest } from "../../src/site/digest.ts";
import type { SiteMetadata } from "../../src/site/metadata.ts";
import { PageMemory } from "../../src/site/rebuild.ts";
import type { Edition, Story } from "../../src/types.ts";

const site: SiteMetadata = { title: "测试", description: "", language: "zh-CN", url: "https://example.org", pathPrefix: "/", home: "https://example.org/" };
const story = (id: string, authors: string[] = []): Story => ({ id, title: `标题${id}`, authors, blocks: [{ type: "paragraph", text: `正文${id}` }] });
const edition = (slug: string, date: string, pageNumber: number, stories: Story[], page = `版${slug}`): Edition => ({
  source: `${slug}.txt`,
  slug,
  meta: { publication: "某报", date, page, pageNumber },
  stories,
  credits: [],
});

const older = edition("a1", "2025-06-01", 1, [story("s1", ["张三"])]);
const front = edition("b1", "2025-06-30", 1, [story("s2", ["李四"])]);
const inside = edition("b2", "2025-06-30", 2, [story("s3", ["王五"])]);
const sources = "/archive/sources";
const signal = "/tmp/signal";

const rendered = (memory: PageMemory, editions: Edition[]) => {
  const pages = memory.select(siteDigest(editions, site), editions);
  return {
    editions: pages.editions.map((e) => e.slug),
    stories: pages.storiesByShard.map((s) => s.id).sort(),
    issues: pages.issues.map((i) => i.date),
    authors: pages.authors.map((a) => a.name),
    print: pages.printEditions.map((e) => e.slug),
  };
};

describe("PageMemory: which pages a rebuild renders", () => {
  it("renders everything the first time, and nothing when the sources changed in nothing the site shows", () => {
    const memory = new PageMemory();
    expect(rendered(memory, [front, inside, older]).stories).toEqual(["s1", "s2", "s3"]);
    memory.changed([join(sources, "b2.txt")], sources, signal);
    expect(rendered(memory, [front, inside, older])).toEqual({ editions: [], stories: [], issues: [], authors: [], print: [] });
    expect(memory.keptFiles()).toContain(join("editions", "b2", "s3", "index.html"));
    expect(memory.keptFiles()).toContain(join("editions", "b2.json"));
  });

  it("renders a renamed page's own pages and those that name it: its issue, the page beside it, its stories and their people", () => {
    const memory = new PageMemory();
    rendered(memory, [front, inside, older]);
    memory.changed([join(sources, "b2.meta.yaml")], sources, signal);
    const renamed = edition("b2", "2025-06-30", 2, [story("s3", ["王五"])], "新版名");
    const after = rendered(memory, [front, renamed, older]);
    expect(after.editions.sort()).toEqual(["b1", "b2"]);
    expect(after.issues).toEqual(["2025-06-30"]);
    expect(after.print).toEqual(["b2"]);
    // the front page's story names its neighbour in reading order, the next page's story
    expect(after.stories).toEqual(["s2", "s3"]);
    // the people of the renamed page's stories (their pages name the page), not those of the page beside it
    expect(after.authors).toEqual(["王五"]);
    expect(memory.keptFiles()).not.toContain(join("editions", "b2", "index.html"));
    expect(memory.keptFiles()).toContain(join("editions", "a1", "index.html"));
  });

  it("renders everything when anything but the sources changed (a template, the code), or nothing said what did", () => {
    const memory = new PageMemory();
    rendered(memory, [front, inside, older]);
    memory.changed([join(sources, "b2.txt"), "./_includes/layouts/base.njk"], sources, signal);
    expect(rendered(memory, [front, inside, older]).editions).toHaveLength(3);
    expect(rendered(memory, [front, inside, older]).editions).toHaveLength(3);
    expect(memory.keptFiles()).toEqual([]);
  });

  it("forgets a deleted page: its files are not kept", () => {
    const memory = new PageMemory();
    rendered(memory, [front, inside, older]);
    memory.changed([signal], sources, signal);
    rendered(memory, [front, inside]);
    expect(memory.keptFiles().filter((file) => file.includes("a1"))).toEqual([]);
  });
});
