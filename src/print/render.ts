// The PDFs and page pictures: each edition's print view, laid out by Paged.js in one headless
// Chromium and printed with the page size its CSS asks for; its pictures are drawn from that PDF.
// A few pages of that browser (one more than the cores) work through the views in turn; each view
// may take time in proportion to its size, and one that fails is reported by name while the others
// go on. What a view renders from (its HTML, the print assets, the fonts) is hashed, and a view
// rendered before is taken from the cache.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { cachedEntry, codeVersion, countEntry, hashOf, storeEntry } from "../cache.ts";
import { pathPrefix, projectRoot } from "../config.ts";
import { pdfUrl, printUrl } from "../site/urls.ts";
import type { Edition } from "../types.ts";
import { FACES } from "./fonts.ts";
import { closePictureProcess, startPictureProcess } from "./picture-process.ts";
import { drawPictures, pictureUrls, readStoryBoxes } from "./pictures.ts";
import { ASSETS_FOLDER } from "./plugin.ts";
import { serveSite } from "./server.ts";
import type { PaperSize } from "./view.ts";

export interface RenderOptions {
  /** The editions whose print views to render. */
  editions: readonly Edition[];
  paper?: PaperSize;
  /** Where the site is served from (defaults to the configured path prefix). */
  pathPrefix?: string;
  /** Where to write the PDFs instead of their URL's place in the site, e.g. for an A4 set (no pictures then). */
  outputDirectory?: string;
  /** A browser to use (else one is launched and closed). */
  browser?: Browser;
  /** How many pages of the browser work side by side (default: one more than the cores, at most 4). */
  pages?: number;
}

export interface RenderedPdf {
  /** The print view's URL (before the path prefix). */
  view: string;
  file: string;
  pages: number;
  /** From opening the view to the PDF written; 0 when it came from the cache. */
  seconds: number;
  cached: boolean;
}

export interface RenderReport {
  pdfs: RenderedPdf[];
  /** Views that could not be rendered, by URL, and why. */
  failures: Array<{ view: string; message: string }>;
  /** The most browser pages open at once, as the browser counted them. */
  openPages: number;
  /** Browser pages opened in all: one per worker, and one more after each failure. */
  pagesOpened: number;
  /** Wall-clock time of the whole render. */
  seconds: number;
}

const require = createRequire(import.meta.url);

/** Time a view may take: half a minute, and a second more for every 10 KB of its HTML. */
export const timeoutFor = (htmlBytes: number) => 30_000 + Math.ceil(htmlBytes / 10_000) * 1_000;

/**
 * A renderer kept the documents of the views it had shown (~35 MB of DOM each) until a full garbage
 * collection, which an idle renderer seldom runs: at 1 GB after 20 views. A collection after every
 * view held it at ~180 MB but cost ~55 ms of CPU a view (a tenth of its pages' time) and threw away
 * what the next view would reuse (Paged.js compiled). Collected once its heap (JavaScript and DOM)
 * passes `HEAP_BOUND`, a renderer peaks at ~270 MB, for ~6% less CPU a page. The pool's pages share
 * one renderer (ONE_RENDERER), whose heap then holds the views being laid out too: never collected,
 * it grew to 1.35 GB over 100 views; collected past 64 MB, after nearly every view, on the thread
 * that lays out every view, it printed ~6% fewer pages a second than past 128 MB (100 views, two
 * runs each: 85.0 / 90.8 s against 81.2 / 83.7 s; peak of the tree 758–796 MB against 797–863).
 */
const HEAP_BOUND = 128 * 1024 * 1024;
async function collectGarbage(cdp: CDPSession): Promise<void> {
  try {
    const { usedSize, embedderHeapUsedSize } = await cdp.send("Runtime.getHeapUsage");
    if (usedSize + embedderHeapUsedSize > HEAP_BOUND) await cdp.send("HeapProfiler.collectGarbage");
  } catch {
    // a page that died here fails its next view, which replaces it
  }
}

/**
 * The window the views are drawn in: wide enough for an A3 page at full size (the view scales its
 * pages down to a narrower one), and low; nothing of it is ever drawn (`?offscreen`): the PDF is
 * printed from the layout, and the pictures are drawn from the PDF.
 */
const WINDOW = { width: 1280, height: 200 };

/**
 * One page more than the cores (at most 4): each page spends part of a view waiting (for a frame,
 * for the browser, for a file), which another page's work then fills.
 */
export const defaultPoolSize = () => Math.min(4, availableParallelism() + 1);

/**
 * Everything every view renders from besides its own HTML: the print assets, this code, and the
 * fonts the subsets are cut from. Not the subsets themselves: they grow when a page brings a new
 * character, but a glyph stays the same glyph, and every view's characters are in them.
 */
function sharedInputs(siteDirectory: string, paper: PaperSize): string {
  const assets = join(siteDirectory, ASSETS_FOLDER);
  const files = readdirSync(assets, { recursive: true, encoding: "utf8" }).sort().map((name) => join(assets, name));
  const contents = files.filter((file) => statSync(file).isFile()).flatMap((file) => [basename(file), readFileSync(file)]);
  const fonts = FACES.map((face) => `${face.font}:${statSync(require.resolve(face.font)).size}`);
  return hashOf(paper, codeVersion([join(projectRoot, "src/print"), join(projectRoot, "_includes/print")]), ...fonts, ...contents);
}

/**
 * Resolves once preview.js has marked the view laid out: a function of the page's own, where
 * Playwright's `waitForFunction` brings its ~330 KB injected script into every view (sent, parsed
 * and run again each time; with the pictures' locator, which did so in another world, ~8% of a
 * page's CPU, the browser's and this process's).
 */
function whenLaidOut(): Promise<void> {
  // no named closure in here: tsx's keepNames would call a helper the page does not have
  const root = document.documentElement;
  return new Promise((resolve) => {
    if (root.dataset.laidOut === "true") return resolve();
    new MutationObserver((_, observer) => {
      if (root.dataset.laidOut !== "true") return;
      observer.disconnect();
      resolve();
    }).observe(root, { attributes: true, attributeFilter: ["data-laid-out"] });
  });
}

/** Whether `page` died with its renderer: a script it cannot run says so (one hung in a layout says nothing). */
const crashedPage = (page: Page): Promise<boolean> =>
  within(page.evaluate(() => true), 1_000, "probe").then(
    () => false,
    (problem: Error) => /crash|closed/iu.test(problem.message),
  );

/** `promise`, or a failure once `milliseconds` have passed. */
async function within<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Open one print view, wait for Paged.js to lay it out, print it; failures in the page fail the view. */
async function renderView<T>(page: Page, url: string, timeout: number, write: (page: Page) => Promise<T>): Promise<T> {
  // Paged.js reports its errors only to the console, and waits forever for a stylesheet that
  // failed: stop waiting at the first error or failed request
  let fail: (problem: string) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    fail = (problem) => reject(new Error(problem));
  });
  failed.catch(() => undefined); // a failure after the PDF is written changes nothing
  const onError = (error: Error) => fail(error.message);
  const onFailedRequest = (request: { url(): string; failure(): { errorText: string } | null }) => fail(`${request.url()}: ${request.failure()?.errorText}`);
  const onResponse = (response: { url(): string; status(): number }) => {
    if (response.status() >= 400) fail(`${response.url()}: HTTP ${response.status()}`);
  };
  page.on("pageerror", onError).on("requestfailed", onFailedRequest).on("response", onResponse);
  try {
    const laidOut = page.goto(url, { timeout }).then(() => within(page.evaluate(whenLaidOut), timeout, `laying out ${url}`));
    await Promise.race([laidOut, failed]);
    return await write(page);
  } finally {
    page.off("pageerror", onError).off("requestfailed", onFailedRequest).off("response", onResponse);
  }
}

/**
 * Render the PDF (and, into the site, the page pictures) of every edition from a built site
 * folder. Writes each at its `pdfUrl` in the site unless told otherwise.
 */
export async function renderPdfs(siteDirectory: string, options: RenderOptions): Promise<RenderReport> {
  const started = performance.now();
  const prefix = options.pathPrefix ?? pathPrefix();
  const paper = options.paper ?? "a3";
  const outputDirectory = options.outputDirectory ?? siteDirectory;
  const pictures = options.outputDirectory === undefined;
  const shared = sharedInputs(siteDirectory, paper);
  const report: RenderReport = { pdfs: [], failures: [], openPages: 0, pagesOpened: 0, seconds: 0 };

  // a view rendered before comes from the cache; the rest go to the browser
  const queue: Array<{ edition: Edition; view: string; html: string; key: string; again?: boolean }> = [];
  for (const edition of options.editions) {
    const view = printUrl(edition);
    const htmlFile = join(siteDirectory, view, "index.html");
    const html = readFileSync(htmlFile, "utf8");
    const key = hashOf(shared, html);
    const entry = cachedEntry("print", key);
    countEntry("print", entry !== undefined);
    if (entry) report.pdfs.push({ view, file: publish(entry, edition, outputDirectory, pictures), pages: readPageCount(entry), seconds: 0, cached: true });
    else queue.push({ edition, view, html, key });
  }
  if (queue.length === 0) return { ...report, seconds: (performance.now() - started) / 1000 };
  // the longest views first, so that the pool does not end waiting on one long view begun last
  queue.sort((a, b) => b.html.length - a.html.length);

  const server = await serveSite(siteDirectory, prefix);
  if (pictures) startPictureProcess();
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    // Playwright loaded only now: a build whose views are all in the cache never needs it
    const { launchBrowser, ONE_RENDERER } = await import("../browser.ts");
    browser = options.browser ?? (await launchBrowser(ONE_RENDERER));
    context = await browser.newContext({ viewport: WINDOW });
    // laid out unseen (no frame of it painted), printed as it is
    const query = paper === "a4" ? "?offscreen&size=a4" : "?offscreen";
    const workers = Math.min(options.pages ?? defaultPoolSize(), queue.length);
    // how many pages are open is read from the browser itself, each time one opens
    const openPage = async () => {
      const page = await context!.newPage();
      report.pagesOpened += 1;
      report.openPages = Math.max(report.openPages, context!.pages().length);
      const opened = { page, cdp: await context!.newCDPSession(page), crashed: false };
      page.once("crash", () => (opened.crashed = true));
      return opened;
    };
    const retries: typeof queue = [];
    const work = (jobs: typeof queue) => async () => {
      let opened = await openPage();
      let { page, cdp } = opened;
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const { edition, view, html, key } = job;
        const jobStarted = performance.now();
        try {
          const entry = await storeEntry("print", key, async (folder) => {
            const pdf = join(folder, "page.pdf");
            const { pages, sheets } = await renderView(page, `${server.origin}${prefix}${view.slice(1)}${query}`, timeoutFor(Buffer.byteLength(html)), async (laidOut) => {
              await laidOut.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
              const sheets = pictures ? await readStoryBoxes(laidOut) : undefined;
              return { pages: Number(await laidOut.evaluate(() => document.documentElement.dataset.pages)), sheets };
            });
            if (pictures) await drawPictures(pdf, sheets, edition, folder);
            writeFileSync(join(folder, "pages.txt"), String(pages));
          });
          report.pdfs.push({ view, file: publish(entry, edition, outputDirectory, pictures), pages: readPageCount(entry), seconds: (performance.now() - jobStarted) / 1000, cached: false });
        } catch (error) {
          const message = (error as Error).message.split("\n")[0]!;
          // the pool's pages share one renderer (ONE_RENDERER): when it crashes, the views of the
          // other pages fail with the one that crashed it, so each such view is tried once more. A
          // view may fail first with what the crash did to it (a navigation aborted) and hear of the
          // crash only after: a page that can no longer run a script tells
          if ((opened.crashed || /crash/iu.test(message) || (await crashedPage(page))) && !job.again) retries.push({ ...job, again: true });
          else report.failures.push({ view, message });
          // a page left in a bad state (a timeout mid-layout) is not reused
          await page.close().catch(() => undefined);
          opened = await openPage();
          ({ page, cdp } = opened);
        }
        await collectGarbage(cdp);
      }
      await page.close().catch(() => undefined);
    };
    await Promise.all(Array.from({ length: workers }, () => work(queue)()));
    // a crash's views once more, one at a time: a view that crashes the renderer every time then
    // fails alone, not with the others it took down the first time
    if (retries.length > 0) await work(retries)();
  } finally {
    await context?.close().catch(() => undefined);
    if (!options.browser) await browser?.close();
    await server.close();
    await closePictureProcess();
  }
  return { ...report, seconds: (performance.now() - started) / 1000 };
}

const readPageCount = (entry: string) => Number(readFileSync(join(entry, "pages.txt"), "utf8"));

/** Copy a cached render into the site: the PDF at its URL, the pictures under /pictures/. */
function publish(entry: string, edition: Edition, outputDirectory: string, pictures: boolean): string {
  const file = join(outputDirectory, pdfUrl(edition));
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(join(entry, "page.pdf"), file);
  if (pictures && existsSync(join(entry, "picture.jpg"))) {
    const urls = pictureUrls(edition.slug);
    mkdirSync(join(outputDirectory, dirname(urls.large)), { recursive: true });
    copyFileSync(join(entry, "picture.jpg"), join(outputDirectory, urls.large));
    copyFileSync(join(entry, "picture-small.jpg"), join(outputDirectory, urls.small));
    copyFileSync(join(entry, "picture.json"), join(outputDirectory, urls.map));
  }
  return file;
}

/** One line for the build's log: how many PDFs, their pages, how many came from the cache, what failed. */
export function summarize(report: RenderReport): string {
  const pages = report.pdfs.reduce((sum, pdf) => sum + pdf.pages, 0);
  const cached = report.pdfs.filter((pdf) => pdf.cached).length;
  const rendered = report.pdfs.length - cached;
  const rate = rendered > 0 ? `, ${(report.pdfs.filter((pdf) => !pdf.cached).reduce((sum, pdf) => sum + pdf.pages, 0) / report.seconds).toFixed(1)} pages/s` : "";
  const failed = report.failures.length > 0 ? `; ${report.failures.length} failed` : "";
  return `PDFs: ${report.pdfs.length} (${pages} pages), ${rendered} rendered with at most ${report.openPages} browser page(s) in ${report.seconds.toFixed(1)} s${rate}, ${cached} from the cache${failed}`;
}
