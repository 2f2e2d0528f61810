// `npm start`: Eleventy's dev server builds the site, serves it with live reload, and rebuilds
// (search index included) when a sidecar changes. Run on a copy of the sources, into a temp folder.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILD_STAMP } from "../../src/site/output.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editionUrl } from "../../src/site/urls.ts";

const folder = mkdtempSync(join(tmpdir(), "broadsheet-serve-"));
const sources = join(folder, "sources");
const output = join(folder, "_site");
cpSync("sources", sources, { recursive: true });
const sidecar = join(sources, "004_10557e53f7c4e785.meta.yaml");
const page = editionUrl({ slug: "004_10557e53f7c4e785" });

let server: ChildProcess;
let origin: string;
let log = "";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Ask again until `check` passes: a rebuild takes as long as it takes. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (server.exitCode !== null) throw new Error(`the dev server stopped:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A page as a browser navigating there gets it (fetch() says it is not a navigation, and the dev server then leaves its reload script out). */
function fetchText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${origin}${path}`, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(body));
    }).on("error", reject);
  });
}
const heading = (html: string) => /<h1>(.*?)<\/h1>/su.exec(html)?.[1]?.replace(/<[^>]*>/gu, "");

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  // the command `npm start` runs, with a port and an output folder of its own
  const [command, ...args] = JSON.parse(readFileSync("package.json", "utf8")).scripts.start.split(" ");
  expect(command).toBe("node");
  // a stamp a build left: npm start writes over the folder, so a later build must not trust it
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, BUILD_STAMP), "{}");
  server = spawn(process.execPath, [...args, `--port=${port}`, `--output=${output}`], { env: { ...process.env, BROADSHEET_SOURCES: sources }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk) => (log += chunk));
  server.stderr!.on("data", (chunk) => (log += chunk));
  await eventually(() => fetchText(page), (html) => heading(html) !== undefined);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

describe("npm start", () => {
  it("removes the stamp of the build that wrote the folder before it", () => {
    expect(existsSync(join(output, BUILD_STAMP))).toBe(false);
  });

  it("serves the built site with the live-reload client and a search index", async () => {
    const html = await fetchText(page);
    expect(heading(html)).toBe("第4版 机关建设");
    expect(html).toMatch(/<script[^>]+reload/u);
    expect(existsSync(join(output, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("rebuilds when a sidecar changes, rewriting the pages that show it and leaving the others as they were", async () => {
    const written = (url: string) => statSync(join(output, url, "index.html")).mtimeMs;
    const other = editionUrl({ slug: "000_0e00348c40e7e77d" });
    const before = { page: written(page), other: written(other), home: written("/") };
    writeFileSync(sidecar, readFileSync(sidecar, "utf8").replace(/^page: .*$/mu, "page: 机关建设（改）"));
    const html = await eventually(() => fetchText(page), (text) => heading(text) === "第4版 机关建设（改）");
    expect(html).toContain("机关建设（改）");
    expect(written(page)).toBeGreaterThan(before.page);
    expect(written("/")).toBeGreaterThan(before.home);
    // another publication's page, which names nothing of this one
    expect(written(other)).toBe(before.other);
    expect(await fetchText(other)).toContain("<h1>");
  });
});
