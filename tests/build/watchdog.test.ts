// The browser dies with the process that launched it, even when that process is killed outright
// (SIGKILL: no handler runs) and the browser is hung: no Chromium is left behind. (A browser in
// good health quits by itself when its pipe to Playwright closes; a hung one, stopped here with
// SIGSTOP, does not.)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { childProcesses } from "../../src/processes.ts";

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.startsWith("Z");
  } catch {
    return false;
  }
};

const LAUNCH = `import { launchBrowser } from "./src/browser.ts"; const browser = await launchBrowser(); const page = await browser.newPage(); await page.setContent("<p>x</p>"); console.log("ready"); setInterval(() => {}, 1000);`;

describe("the browser's watchdog", () => {
  it("kills a hung Chromium, renderers and all, when the build is SIGKILLed", async () => {
    const build = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", LAUNCH], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((ready) => build.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && ready()));
    const browsers = childProcesses(build.pid!).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--remote-debugging-pipe"));
    expect(browsers.length).toBe(1);
    const renderers = childProcesses(browsers[0]!);
    expect(renderers.length).toBeGreaterThan(0);
    process.kill(browsers[0]!, "SIGSTOP");
    build.kill("SIGKILL");
    try {
      for (let tries = 0; tries < 50 && [...browsers, ...renderers].some(alive); tries++) await new Promise((wait) => setTimeout(wait, 200));
      expect([...browsers, ...renderers].filter(alive)).toEqual([]);
    } finally {
      for (const pid of [...browsers, ...renderers].filter(alive)) process.kill(pid, "SIGKILL");
    }
  }, 60_000);
});
