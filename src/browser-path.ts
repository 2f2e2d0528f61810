// Where the headless Chromium is, found without downloading anything and without loading Playwright
// (a build decides whether it prints PDFs before it needs the browser, often without needing it):
// CHROME_PATH, else a system Chromium or Chrome, else the one @sparticuz/chromium ships in npm.
import { existsSync } from "node:fs";

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The browser to launch and its flags; throws when CHROME_PATH names nothing. */
export async function locateBrowser(): Promise<{ executablePath: string; args: string[] }> {
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
