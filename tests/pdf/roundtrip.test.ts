// The round trip: pages of known stories, typeset in varied layouts and printed to PDF by
// Chromium, read back by the PDF front end. Their stories must come back exactly (fields, block
// types and texts, in order), the masthead and footer as credits, and no character lost or added.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/browser.ts";
import { compareCharacters } from "../../src/edition/conservation.ts";
import { reflowPdfPage } from "../../src/pdf/index.ts";
import { readPdfBytes } from "../../src/pdf/read.ts";
import { canonical } from "../reflow/goldstories.ts";
import { testPage } from "./corpus.ts";
import { printPage } from "./pages.ts";

const PAGES = 24;
/** The share of pages that must come back exactly. */
const EXACT_SHARE = 0.95;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

// Chromium writes a pair of em dashes drawn apart (a run per character) as one glyph whose text is
// one dash: the PDF's text layer (pdftotext agrees) holds one, so the expectation does too.
const dashes = (items: string[][]) => items.map((story) => story.map((item) => item.replace(/—+/gu, "—")));
const characters = (texts: readonly string[]) => [...texts.join("").replace(/\s+/gu, "")].sort().join("");

test(`typeset pages come back with their stories exactly (at least ${EXACT_SHARE * 100}% of ${PAGES})`, async () => {
  const failures: string[] = [];
  for (let seed = 1; seed <= PAGES; seed++) {
    const page = testPage(seed);
    const [geometry] = await readPdfBytes(await printPage(browser, page));
    const result = reflowPdfPage(geometry!);
    // the text layer, every character exactly once, whatever the layout
    expect(compareCharacters(result.text, result)).toBeUndefined();
    const storiesBack = JSON.stringify(dashes(canonical(result.stories))) === JSON.stringify(dashes(canonical(page.stories)));
    const creditsBack = characters(result.credits) === characters([...page.masthead, ...page.credits]);
    if (!storiesBack || !creditsBack) failures.push(`page ${seed} ${JSON.stringify(page.layout)}: ${storiesBack ? "credits" : "stories"} differ`);
  }
  if (failures.length > 0) console.warn(failures.join("\n"));
  expect((PAGES - failures.length) / PAGES).toBeGreaterThanOrEqual(EXACT_SHARE);
}, 600_000);
