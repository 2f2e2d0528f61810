// One headless Chromium for the PDFs and the browser tests, launched through Playwright where
// src/browser-path.ts finds it (nothing is downloaded).
import { statfsSync } from "node:fs";
import { type Browser, chromium as playwright } from "playwright-core";
import { locateBrowser } from "./browser-path.ts";
import { childProcesses, dieWithThisProcess } from "./processes.ts";

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

/**
 * Playwright has Chromium keep its shared memory (every tile and picture its processes pass each
 * other) in /tmp (`--disable-dev-shm-usage`), for containers whose /dev/shm holds 64 MB. Where /tmp
 * is a disk, those are files the kernel writes back: printing PDFs, Chromium spent a quarter more
 * system time and the pool printed a sixth fewer pages a second. With 1 GB free in /dev/shm, it stays there.
 */
const ROOMY_SHARED_MEMORY = 1024 ** 3;
function sharedMemoryIsRoomy(): boolean {
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= ROOMY_SHARED_MEMORY;
  } catch {
    return false; // no /dev/shm (not Linux): Playwright's default
  }
}

/** Chromium could not be found or started (the build then goes on without PDFs). */
export class BrowserLaunchError extends Error {}

/**
 * All pages in one renderer process, for the PDFs: the views' documents then share one V8 (Paged.js
 * compiled once, not again in each process) and Blink's caches. With three pages working, Chromium
 * spent a third less CPU and printed a fifth more pages a second (100 views: 2.9 -> 3.5 A3 pages/s,
 * peak 951 -> 864 MB) though the one renderer lays out one view at a time. A renderer that crashes
 * fails the views it held, each reported by name, and the pool opens new pages.
 */
export const ONE_RENDERER = ["--renderer-process-limit=1"];

export async function launchBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  const before = new Set(childProcesses(process.pid));
  let browser: Browser;
  try {
    const { executablePath, args } = await locateBrowser();
    const ignoreDefaultArgs = sharedMemoryIsRoomy() ? ["--disable-dev-shm-usage"] : [];
    browser = await playwright.launch({ executablePath, headless: true, args: [...new Set([...args, ...QUIET_FLAGS, ...extraFlags])], ignoreDefaultArgs });
  } catch (error) {
    throw new BrowserLaunchError(`Chromium did not start: ${(error as Error).message}`, { cause: error });
  }
  dieWithThisProcess(childProcesses(process.pid).filter((pid) => !before.has(pid)));
  return browser;
}
