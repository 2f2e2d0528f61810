// A page full of markup (`<script>`, `<img onerror>`, `&amp;`, quotes, `]]>`, comments, template
// syntax) built into a real site: none of it may reach any output file as markup, and wherever its
// text is shown, it is shown as the text it is.
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { editionText } from "../../src/edition/conservation.ts";
import { loadEdition } from "../../src/edition/load.ts";
import type { Edition } from "../../src/types.ts";
import { sourcesFolder } from "../edition/fixtures.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";
import { RAW_SOURCE_MARKUP, scanHtml, strings } from "./markup-scan.ts";

const FIXTURE = "tests/safety/fixtures/markup";
const BINARY = /\.(?:pdf|woff2?|ttf|otf|png|jpe?g|gif|webp|ico|wasm)$/iu;
/** RSS elements that readers render as HTML; in Atom, those marked `type="html"`. The rest is plain text. */
const RSS_HTML = new Set(["description", "content:encoded"]);

const squash = (text: string) => text.replace(/\s+/gu, "");
/** The first run of two or more Han characters in a text: how to tell whether a page shows it at all. */
const marker = (text: string) => /\p{Script=Han}{2,}/u.exec(text)?.[0];

/** The HTML a feed carries: RSS descriptions and encoded content, Atom elements of `type="html"`. */
function feedHtml(value: unknown, key = ""): string[] {
  if (typeof value === "string") return RSS_HTML.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => feedHtml(item, key));
  if (!value || typeof value !== "object") return [];
  const node = value as Record<string, unknown>;
  const own = node["@_type"] === "html" && typeof node["#text"] === "string" ? [node["#text"]] : [];
  const children = Object.entries(node).filter(([name]) => !name.startsWith("@_") && name !== "#text");
  return [...own, ...(RSS_HTML.has(key) && typeof node["#text"] === "string" ? [node["#text"]] : []), ...children.flatMap(([name, child]) => feedHtml(child, name))];
}

let site: BuiltSite;
let files: string[];
let edition: Edition;

function read(file: string): string {
  return readFileSync(join(site.directory, file), "utf8");
}

beforeAll(async () => {
  edition = loadEdition(`${FIXTURE}.txt`).edition;
  site = await buildSite({
    sources: sourcesFolder({ "markup.txt": readFileSync(`${FIXTURE}.txt`), "markup.meta.yaml": readFileSync(`${FIXTURE}.meta.yaml`) }),
    // a cache of its own: the search index's shard is new to it, and indexed by this build
    env: { BROADSHEET_CACHE: mkdtempSync(join(tmpdir(), "broadsheet-cache-")) },
  });
  files = site.exitCode === 0 ? (readdirSync(site.directory, { recursive: true, encoding: "utf8" }) as string[]).filter((file) => statSync(join(site.directory, file)).isFile()) : [];
});

describe("a source full of markup", () => {
  it("builds", () => {
    expect(site.exitCode, site.stderr).toBe(0);
    expect(files.length).toBeGreaterThan(0);
  });

  it("is indexed for search ahead: the build renders its story pages as Eleventy writes them", () => {
    expect(site.stdout).toMatch(/ ([1-9]\d*) indexed afresh \(\1 ahead\)/u);
  });

  it("gives no output file a path with markup characters in it", () => {
    expect(files.filter((file) => /[<>"'`]/u.test(file))).toEqual([]);
  });

  it("puts no element, attribute, comment or script of its own into any HTML page", () => {
    const violations = files.filter((file) => file.endsWith(".html")).flatMap((file) => scanHtml(read(file)).violations.map((violation) => `${file}: ${violation}`));
    expect(violations).toEqual([]);
  });

  it("is shown as its own text on the pages that show it, `&amp;` and `]]>` included", () => {
    const pages = files.filter((file) => file.endsWith(".html")).map((file) => scanHtml(read(file)));
    const shown = pages.map((page) => squash([page.text, ...page.attributes].join("\n")));
    const texts = [...editionText(edition), edition.meta.publication, edition.meta.page, edition.meta.description ?? ""].filter((text) => text.trim() !== "");
    const mangled = texts.filter((text) => {
      const word = marker(text);
      return word !== undefined && shown.some((page) => page.includes(word)) && !shown.some((page) => page.includes(squash(text)));
    });
    expect(mangled).toEqual([]);
    expect(shown.some((page) => page.includes("以及{{7*7}}与{%raw%}模板语法"))).toBe(true);
  });

  it("keeps XML feeds and sitemaps well-formed, their HTML content free of its markup", () => {
    const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });
    for (const file of files.filter((name) => name.endsWith(".xml"))) {
      const xml = read(file);
      expect(XMLValidator.validate(xml), file).toBe(true);
      for (const html of feedHtml(parser.parse(xml))) expect(scanHtml(html).violations, `${file}: ${html.slice(0, 60)}…`).toEqual([]);
    }
  });

  it("keeps JSON files valid, its text in them as it is", () => {
    const wanted = editionText(edition).filter((text) => text.trim() !== "").map(squash);
    for (const file of files.filter((name) => name.endsWith(".json"))) {
      const values = strings(JSON.parse(read(file))).map(({ text }) => squash(text));
      const partial = wanted.filter((text) => values.some((value) => value.includes(marker(text) ?? "\u0000")) && !values.some((value) => value.includes(text)));
      expect(partial, file).toEqual([]);
    }
  });

  it("leaves no raw markup of its own in the search index's page content, which search excerpts show as HTML", () => {
    // Pagefind's UI writes an excerpt of `content` with innerHTML; titles and filters it writes as text
    const fragments = files.filter((name) => name.endsWith(".pf_fragment"));
    const raw = fragments.flatMap((file) => {
      const json = gunzipSync(readFileSync(join(site.directory, file))).toString("utf8").replace(/^pagefind_dcd/u, "");
      const { content } = JSON.parse(json) as { content: string };
      return RAW_SOURCE_MARKUP.filter((markup) => content.includes(markup)).map((markup) => `${file}: ${markup}`);
    });
    expect(raw).toEqual([]);
  });

  it("leaves no raw markup of its own in scripts, styles or any other text file", () => {
    const others = files.filter((name) => !BINARY.test(name) && !/\.(?:html|xml|json)$/u.test(name) && !name.startsWith("pagefind/"));
    const raw = others.flatMap((file) => RAW_SOURCE_MARKUP.filter((markup) => read(file).includes(markup)).map((markup) => `${file}: ${markup}`));
    expect(raw).toEqual([]);
  });
});
