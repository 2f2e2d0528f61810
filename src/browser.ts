// One headless Chromium for the PDFs and the browser tests, found without downloading anything:
// CHROME_PATH, else a system Chromium or Chrome, else the one @sparticuz/chromium ships in npm.
import { existsSync } from "node:fs";
import { type Browser, chromium as playwright } from "playwright-core";

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** Flags that keep Chromium from reaching for the network at start-up, which stalls it on a closed network. */
const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
  "--disable-extensions",
];

async function locate(): Promise<{ executablePath: string; args: string[] }> {
  const named = process.env.CHROME_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROME_PATH names ${named}, which does not exist`);
    return { executablePath: named, args: [] };
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: [] };
  const { default: packaged } = await import("@sparticuz/chromium");
  // --single-process suits one-page serverless runs; here one browser opens many pages.
  const args = packaged.args.filter((arg) => arg !== "--single-process" && !arg.startsWith("--headless"));
  return { executablePath: await packaged.executablePath(), args };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await locate();
  return playwright.launch({ executablePath, headless: true, args: [...new Set([...args, ...QUIET_FLAGS])] });
}
