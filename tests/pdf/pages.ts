// Newspaper pages with known stories, typeset as HTML and printed to PDF by headless Chromium, for
// reading back: layouts vary fonts, sizes, columns, arrangement, boxes, rules and headline styles
// (letter-spaced, condensed, a run per character) so the PDF front end cannot learn one layout.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createCanvas } from "@napi-rs/canvas";
import type { Browser, Page } from "playwright-core";
import type { PageStory } from "../reflow/typeset.ts";
import { randomSource } from "../reflow/typeset.ts";

const require = createRequire(import.meta.url);
const fontCss = (pkg: string, weight: number) => pathToFileURL(require.resolve(`${pkg}/${weight}.css`)).href;
const FONT_LINKS = [
  fontCss("@fontsource/noto-serif-sc", 400),
  fontCss("@fontsource/noto-serif-sc", 900),
  fontCss("@fontsource/noto-sans-sc", 400),
  fontCss("@fontsource/noto-sans-sc", 700),
].map((href) => `<link rel="stylesheet" href="${href}">`).join("");

export type HeadStyle = "plain" | "spaced" | "condensed" | "per-character";
export type BoxStyle = "none" | "frame" | "shaded";

export interface PageLayout {
  bodyFont: "serif" | "sans";
  /** Body size in points. */
  bodySize: number;
  /** Columns of each story's body. */
  columns: number;
  /** Stories side by side in a row (further apart when headlines are letter-spaced: farther than their words). */
  perRow: number;
  head: HeadStyle;
  /** How signed stories (with a byline) are set off. */
  box: BoxStyle;
  /** A rule between stories, or white space only. */
  rules: boolean;
  /** Body text letter-spaced, or drawn a run per character. */
  body: "plain" | "spaced" | "per-character";
  /** Captions stand under a picture (else between rules). */
  pictures: boolean;
}

export interface TestPage {
  layout: PageLayout;
  stories: PageStory[];
  credits: string[];
  /** The masthead's lines: page furniture that must come back as credits. */
  masthead: string[];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function randomLayout(seed: number): PageLayout {
  const random = randomSource(seed);
  const perRow = pick(random, [1, 1, 2, 2, 3]);
  return {
    bodyFont: pick(random, ["serif", "sans"] as const),
    bodySize: pick(random, [8.5, 9, 9.5, 10, 11]),
    columns: perRow === 1 ? pick(random, [2, 3, 4, 5, 6]) : perRow === 2 ? pick(random, [1, 2, 3]) : pick(random, [1, 2]),
    perRow,
    head: pick(random, ["plain", "plain", "spaced", "condensed", "per-character"] as const),
    box: pick(random, ["none", "frame", "shaded"] as const),
    rules: random() < 0.5,
    body: pick(random, ["plain", "plain", "plain", "spaced", "per-character"] as const),
    pictures: random() < 0.5,
  };
}

const escape = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** Every character its own run: alternate colours so Chromium cannot merge them. */
function perCharacter(text: string): string {
  return [...text].map((char, i) => (char === " " ? " " : `<span style="color:${i % 2 ? "#000" : "#010101"}">${escape(char)}</span>`)).join("");
}

function headline(text: string, style: HeadStyle): string {
  if (style === "per-character") return perCharacter(text);
  if (style === "condensed") return `<span class="condensed">${escape(text)}</span>`;
  return escape(text);
}

/** A grey picture, a bitmap: an image in the PDF, as a photo would be. */
const PICTURE = (() => {
  const canvas = createCanvas(40, 24);
  const context = canvas.getContext("2d");
  context.fillStyle = "#999";
  context.fillRect(0, 0, 40, 24);
  context.fillStyle = "#555";
  context.fillRect(8, 6, 10, 10);
  return `data:image/png;base64,${canvas.encodeSync("png").toString("base64")}`;
})();

function storyHtml(story: PageStory, layout: PageLayout): string {
  const body = (text: string) => (layout.body === "per-character" ? perCharacter(text) : escape(text));
  const parts = story.blocks.map((block) => {
    if (block.type === "heading") return `<h3>${body(block.text)}</h3>`;
    if (block.type === "caption") {
      const picture = layout.pictures ? `<img src="${PICTURE}" alt="">` : "";
      return `<figure>${picture}<figcaption class="${layout.pictures ? "" : "ruled"}">${body(block.text)}</figcaption></figure>`;
    }
    return `<p>${body(block.text)}</p>`;
  });
  const boxed = story.byline && layout.box !== "none" ? ` ${layout.box}` : "";
  return `<article class="story${boxed}">
<header>${story.kicker ? `<p class="kicker">${escape(story.kicker)}</p>` : ""}<h2>${headline(story.title, layout.head)}</h2>${story.subtitle ? `<p class="subtitle">${escape(story.subtitle)}</p>` : ""}</header>
<div class="body">${story.byline ? `<p class="byline">${escape(story.byline)}</p>` : ""}${parts.join("")}${story.authorNote ? `<p class="note">${escape(story.authorNote)}</p>` : ""}</div>
</article>`;
}

export function pageHtml(page: TestPage): string {
  const { layout } = page;
  const body = layout.bodyFont === "serif" ? "'Noto Serif SC'" : "'Noto Sans SC'";
  const head = layout.bodyFont === "serif" ? "'Noto Sans SC'" : "'Noto Serif SC'";
  const rows: PageStory[][] = [];
  for (let i = 0; i < page.stories.length; i += layout.perRow) rows.push(page.stories.slice(i, i + layout.perRow));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${FONT_LINKS}<style>
@page { margin: 0; }
body { margin: 12mm; width: 273mm; font: 400 ${layout.bodySize}pt/1.55 ${body}; color: #000; }
.masthead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2pt solid #000; padding-bottom: 2mm; margin-bottom: 5mm; }
.masthead h1 { font: 900 36pt/1 'Noto Serif SC'; margin: 0; letter-spacing: 0.1em; }
.masthead p { margin: 0; font: 400 10pt/1.4 'Noto Sans SC'; text-align: right; }
.row { display: grid; grid-template-columns: repeat(${layout.perRow}, 1fr); gap: ${layout.head === "spaced" ? 14 : 7}mm; margin-bottom: 6mm; align-items: start; }
.row + .row { ${layout.rules ? "border-top: 1pt solid #000; padding-top: 4mm;" : "padding-top: 4mm;"} }
.story.frame { border: 1pt solid #000; padding: 3mm; }
.story.shaded { background: #e8e8e8; padding: 3mm; }
header { margin-bottom: 2mm; }
h2 { font: 700 ${Math.round(layout.bodySize * 2.1)}pt/1.25 ${head}; margin: 0; ${layout.head === "spaced" ? "letter-spacing: 0.5em;" : ""} }
.condensed { display: inline-block; transform: scaleX(0.72); transform-origin: left; width: 138%; }
.kicker { font: 400 ${Math.round(layout.bodySize * 1.35)}pt/1.4 ${head}; margin: 0 0 1mm; }
.subtitle { font: 400 ${Math.round(layout.bodySize * 1.35)}pt/1.4 ${body}; margin: 1mm 0 0; }
.body { column-count: ${layout.columns}; column-gap: 2em; ${layout.columns > 1 ? "column-rule: 0.4pt solid #999;" : ""} }
.body p { margin: 0; text-indent: 2em; text-align: justify; ${layout.body === "spaced" ? "letter-spacing: 0.06em;" : ""} }
.body p.byline { text-indent: 0; text-align: left; font: 400 ${layout.bodySize}pt/1.6 ${head}; margin-bottom: 1.5mm; }
.body p.note { text-indent: 0; text-align: left; font: 400 ${layout.bodySize - 0.5}pt/1.6 ${head}; margin-top: 1mm; }
h3 { font: 700 ${layout.bodySize + 1}pt/1.5 ${head}; margin: 2mm 0 1mm; break-after: avoid; }
figure { margin: 2mm 0; break-inside: avoid; }
figure img { display: block; width: 100%; height: 30mm; }
figcaption { font: 400 ${layout.bodySize - 0.5}pt/1.5 ${head}; text-align: center; padding-top: 1mm; }
figcaption.ruled { border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000; padding: 1mm 0; }
.credits { border-top: 0.8pt solid #000; margin-top: 4mm; padding-top: 1.5mm; font: 400 8.5pt ${head}; text-align: right; }
.credits p { margin: 0; }
</style></head><body>
<header class="masthead"><h1>${escape(page.masthead[0]!)}</h1><p>${page.masthead.slice(1).map(escape).join("<br>")}</p></header>
${rows.map((row) => `<div class="row">${row.map((story) => storyHtml(story, layout)).join("\n")}</div>`).join("\n")}
${page.credits.length > 0 ? `<footer class="credits">${page.credits.map((credit) => `<p>${escape(credit)}</p>`).join("")}</footer>` : ""}
</body></html>`;
}

/** Print a page to a one-page PDF as tall as its content. */
/** Print `html` from a file, once its fonts are ready: its fonts are file URLs, which a page set from a string does not load. */
export async function printHtml(browser: Browser, html: string, pdf: (tab: Page) => Promise<Uint8Array>): Promise<Uint8Array> {
  const folder = mkdtempSync(join(tmpdir(), "broadsheet-pdf-"));
  const tab = await browser.newPage();
  try {
    const file = join(folder, "page.html");
    writeFileSync(file, html);
    await tab.goto(pathToFileURL(file).href);
    await tab.evaluate(async () => {
      await document.fonts.ready;
    });
    return await pdf(tab);
  } finally {
    await tab.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function printPage(browser: Browser, page: TestPage): Promise<Uint8Array> {
  return printHtml(browser, pageHtml(page), async (tab) => {
    const height = await tab.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    return tab.pdf({ width: "297mm", height: `${height + 4}px`, printBackground: true, pageRanges: "1" });
  });
}
