// `npm start` when sources are deleted: Eleventy 3 does not rebuild for a deletion by itself. The
// deleted source's pages must leave the served folder and the search index; with no source left,
// one clear message and the site as it was, never a stack trace.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const folder = mkdtempSync(join(tmpdir(), "broadsheet-serve-deletion-"));
const sources = join(folder, "sources");
const output = join(folder, "_site");
cpSync("sources", sources, { recursive: true });
const [kept, deleted] = readdirSync(sources).filter((name) => name.endsWith(".txt")).map((name) => name.replace(/\.txt$/u, ""));

let server: ChildProcess;
let log = "";

/** Wait until `check` holds: a rebuild takes as long as it takes. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) {
    if (server.exitCode !== null) throw new Error(`the dev server stopped:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
const indexed = () => [...log.matchAll(/search index: (\d+) stories/gu)].map((match) => Number(match[1]));

beforeAll(async () => {
  const [, ...args] = JSON.parse(readFileSync("package.json", "utf8")).scripts.start.split(" ");
  server = spawn(process.execPath, [...args, "--port=0", `--output=${output}`], { env: { ...process.env, BROADSHEET_SOURCES: sources }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk) => (log += chunk));
  server.stderr!.on("data", (chunk) => (log += chunk));
  await eventually(() => indexed().length > 0 && log.includes("Server at"));
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

it("rebuilds when a source is deleted, and its pages leave the folder and the search index", async () => {
  const before = indexed()[0]!;
  expect(existsSync(join(output, "editions", deleted!, "index.html"))).toBe(true);
  rmSync(join(sources, `${deleted}.txt`));
  await eventually(() => indexed().length > 1);
  expect(existsSync(join(output, "editions", deleted!))).toBe(false);
  expect(existsSync(join(output, "editions", kept!, "index.html"))).toBe(true);
  expect(indexed()[1]).toBeLessThan(before);
  expect(log).toMatch(/\[broadsheet\] removed \d+ page\(s\) no longer built/u);
});

it("says in one line that no edition is left when the last source goes, without a stack trace", async () => {
  rmSync(join(sources, `${kept}.txt`));
  await eventually(() => /no edition could be built from/u.test(log));
  const message = log.slice(log.indexOf("Problem writing"));
  expect(message).toMatch(/no edition could be built from .*sources \(see the problems above\): add a source page with its sidecar; the site is left as it was/u);
  expect(message).not.toMatch(/TypeError|dateToRfc3339|\n\s+at /u);
  expect(existsSync(join(output, "editions", kept!, "index.html"))).toBe(true);
});
