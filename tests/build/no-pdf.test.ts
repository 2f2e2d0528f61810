// Building without PDFs: asked for (`--no-pdf`), or because no usable Chromium is there. The site
// is built whole, links no PDF, and says so in one line; only `--strict` makes a missing browser fail.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sourcesDirectory } from "../../src/config.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { editionUrl, printUrl } from "../../src/site/urls.ts";
import { type BuiltSite, buildSite } from "../support/build.ts";

const [edition] = loadDigest(sourcesDirectory()).editions;
const MISSING = { CHROME_PATH: "/nonexistent/chromium" };
let asked: BuiltSite;
let missing: BuiltSite;
let strict: BuiltSite;
let broken: BuiltSite;

beforeAll(async () => {
  [asked, missing, strict, broken] = await Promise.all([
    buildSite({ args: ["--no-pdf"] }),
    buildSite({ env: MISSING }),
    buildSite({ args: ["--strict"], env: MISSING }),
    // a cache of its own: with every view in the shared one, no browser would be needed at all
    buildSite({ env: { CHROME_PATH: "/bin/false", BROADSHEET_CACHE: mkdtempSync(join(tmpdir(), "broadsheet-cache-")) } }),
  ]);
}, 300_000);

const linksNoPdf = (site: BuiltSite) => {
  expect(existsSync(join(site.directory, "pdf"))).toBe(false);
  expect(readFileSync(join(site.directory, editionUrl(edition!), "index.html"), "utf8")).not.toMatch(/\.pdf"/u);
  expect(readFileSync(join(site.directory, printUrl(edition!), "index.html"), "utf8")).not.toMatch(/\.pdf"/u);
  expect(readFileSync(join(site.directory, printUrl(), "index.html"), "utf8")).not.toMatch(/\.pdf"/u);
};

describe("npm run build -- --no-pdf", () => {
  it("builds the whole site, search included, and links no PDF", () => {
    expect(asked.exitCode, asked.stderr).toBe(0);
    expect(asked.stdout).toMatch(/search index: \d+ stories/u);
    linksNoPdf(asked);
  });
});

describe("a build without a usable Chromium", () => {
  it("builds the site without PDFs, says why in one clear line, and succeeds", () => {
    expect(missing.exitCode, missing.stderr).toBe(0);
    const lines = missing.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^no usable Chromium \(CHROME_PATH names \/nonexistent\/chromium, which does not exist\): building the site without PDFs/u)]);
    expect(missing.stderr).not.toMatch(/\u001b\[|at .*\.ts:\d+/u);
    linksNoPdf(missing);
  });

  it("builds the site without PDFs when the browser is there but does not start", () => {
    expect(broken.exitCode, broken.stderr).toBe(0);
    expect(broken.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^no usable Chromium \(.+\): building the site without PDFs/u)]);
    linksNoPdf(broken);
  });

  it("fails under --strict, the site still built", () => {
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toContain("no usable Chromium");
    expect(existsSync(join(strict.directory, editionUrl(edition!), "index.html"))).toBe(true);
  });
});
