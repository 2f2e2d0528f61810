// The PDFs: each print view of a built site, laid out by Paged.js in headless Chromium and printed
// with the page size its CSS asks for. The site is read straight from its folder: requests to a
// made-up origin are answered from disk, so nothing listens on a port and nothing leaves the machine.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import type { Browser, BrowserContext, Route } from "playwright-core";
import { launchBrowser } from "../browser.ts";
import { pathPrefix } from "../config.ts";
import { pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import type { PaperSize } from "./view.ts";

/** Never resolved: every request to it is answered from the site folder by `answerFromDisk`. */
const ORIGIN = "http://print.broadsheet.invalid";

export interface RenderOptions {
  /** The editions whose print views to render; the whole digest's view is always rendered too. */
  editions: ReadonlyArray<Pick<Edition, "slug">>;
  paper?: PaperSize;
  /** Where the site is served from (defaults to the configured path prefix). */
  pathPrefix?: string;
  /** Where to write the PDFs instead of their URL's place in the site, e.g. for an A4 set. */
  outputDirectory?: string;
}

export interface RenderedPdf {
  /** The print view's URL (before the path prefix). */
  view: string;
  file: string;
  pages: number;
  /** From opening the view to the PDF written. */
  seconds: number;
}

function answerFromDisk(siteDirectory: string, prefix: string) {
  const root = normalize(siteDirectory);
  return async (route: Route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    let file = normalize(join(root, path.startsWith(prefix) ? path.slice(prefix.length) : path));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file.startsWith(root) || !existsSync(file)) await route.fulfill({ status: 404, body: `not in the site: ${path}` });
    else await route.fulfill({ path: file });
  };
}

/** Open one print view, wait for Paged.js to lay it out, print it; failures in the page fail the PDF. */
async function renderView(context: BrowserContext, url: string, file: string): Promise<number> {
  const page = await context.newPage();
  // Paged.js reports its errors only to the console, and waits forever for a stylesheet that
  // failed: stop waiting at the first error or failed request
  const failed = new Promise<never>((_, reject) => {
    const fail = (problem: string) => reject(new Error(`the print view ${url} failed: ${problem}`));
    page.on("pageerror", (error) => fail(error.message));
    page.on("requestfailed", (request) => fail(`${request.url()}: ${request.failure()?.errorText}`));
    page.on("response", (response) => {
      if (response.status() >= 400) fail(`${response.url()}: HTTP ${response.status()}`);
    });
  });
  failed.catch(() => undefined); // a failure after the PDF is written (or while closing) changes nothing
  try {
    await Promise.race([page.goto(url).then(() => page.waitForFunction(() => document.documentElement.dataset.laidOut === "true")), failed]);
    mkdirSync(dirname(file), { recursive: true });
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return Number(await page.evaluate(() => document.documentElement.dataset.pages));
  } finally {
    await page.close();
  }
}

/**
 * Render the PDF of every edition and of the whole digest from a built site folder, with one
 * browser whose pages work side by side. Writes each at its `pdfUrl` in the site unless told otherwise.
 */
export async function renderPdfs(siteDirectory: string, options: RenderOptions): Promise<RenderedPdf[]> {
  const prefix = options.pathPrefix ?? pathPrefix();
  const query = options.paper === "a4" ? "?size=a4" : "";
  const targets = [...options.editions, undefined].map((edition) => ({
    view: printUrl(edition),
    file: join(options.outputDirectory ?? siteDirectory, pdfUrl(edition)),
  }));
  const browser: Browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, answerFromDisk(siteDirectory, prefix));
    return await Promise.all(
      targets.map(async ({ view, file }) => {
        const started = performance.now();
        const pages = await renderView(context, `${ORIGIN}${prefix}${view.slice(1)}${query}`, file);
        return { view, file, pages, seconds: (performance.now() - started) / 1000 };
      }),
    );
  } finally {
    await browser.close();
  }
}

/** One line for the build's log: how many PDFs, their pages, the slowest. */
export function summarize(pdfs: readonly RenderedPdf[]): string {
  const pages = pdfs.map((pdf) => `${basename(pdf.file)} ${pdf.pages} p.`).join(", ");
  const slowest = Math.max(...pdfs.map((pdf) => pdf.seconds));
  return `rendered ${pdfs.length} PDF(s): ${pages} (slowest ${slowest.toFixed(1)} s)`;
}
