// The build with bad sources: the others still build, the exit code says so, --strict stops at
// once, and whatever stops the build leaves the previous site as it was.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { SITE_MARK, markAsSite } from "../../src/site/output.ts";
import { buildSite } from "../support/build.ts";
import { sampleMeta, samplePage, sourcesFolder } from "../edition/fixtures.ts";

/** An output folder holding a previous site, marked so that a test can tell whether it was replaced. */
function previousSite(): string {
  const site = join(mkdtempSync(join(tmpdir(), "broadsheet-previous-")), "_site");
  mkdirSync(site);
  writeFileSync(join(site, "previous.txt"), "the previous build");
  markAsSite(site);
  return site;
}

/**
 * Root may write anywhere, so the read-only test runs the build as nobody, who must then be able to
 * reach the project: not so in a clone inside a private folder (mktemp -d makes one), where it is skipped.
 */
function nobodyReachesProject(): boolean {
  if (process.getuid?.() !== 0) return true;
  for (let folder = resolve("."); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return false;
    if (dirname(folder) === folder) return true;
  }
}

const bad = {
  "b-empty.txt": "",
  "b-empty.meta.yaml": sampleMeta,
  "c-sidecar.txt": samplePage,
  "c-sidecar.meta.yaml": "publication: 报\ndate: 2025-02-30\npage: 版\n",
};

describe("building with bad sources", () => {
  it("builds the good sources, names the bad ones, exits non-zero, and swaps the new site in", async () => {
    const site = previousSite();
    const sources = sourcesFolder({ "a.txt": samplePage, "a.meta.yaml": sampleMeta, ...bad });
    const built = await buildSite({ sources, args: ["--out", site] });
    expect(built.exitCode).toBe(1);
    expect(built.stderr).toMatch(/b-empty\.txt: the file is empty/u);
    expect(built.stderr).toMatch(/c-sidecar\.meta\.yaml:2: `date` should be a real date/u);
    expect(built.stderr).toMatch(/2 source\(s\) left out, see above: .*b-empty\.txt, .*c-sidecar\.meta\.yaml/u);
    expect(built.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(join(site, "previous.txt"))).toBe(false);
    // the page's name as a reader sees it (the home page sets it in phrases, each a span of its own)
    expect(readFileSync(join(site, "index.html"), "utf8").replace(/<[^>]*>/gu, "")).toContain("机关建设");
    // the previous site goes in the background, removed by a process of its own
    await expect.poll(() => readdirSync(join(site, "..")), { timeout: 10_000 }).toEqual(["_site"]);
  });

  it("stops at the first bad source under --strict and leaves the previous site", async () => {
    const site = previousSite();
    const built = await buildSite({ sources: sourcesFolder({ "a.txt": samplePage, "a.meta.yaml": sampleMeta, ...bad }), args: ["--out", site, "--strict"] });
    expect(built.exitCode).toBe(1);
    expect(built.stderr).toMatch(/b-empty\.txt: the file is empty/u);
    expect(built.stderr).not.toMatch(/c-sidecar/u);
    expect(built.stderr).toMatch(/--strict: stopped at the first bad source; .* is unchanged/u);
    expect(readdirSync(site).sort()).toEqual([SITE_MARK, "previous.txt"]);
  });

  it("leaves the previous site when no source can be built", async () => {
    const site = previousSite();
    const built = await buildSite({ sources: sourcesFolder(bad), args: ["--out", site] });
    expect(built.exitCode).toBe(1);
    expect(built.stderr).toMatch(/no edition could be built from .*; .* is unchanged/u);
    expect(readdirSync(site).sort()).toEqual([SITE_MARK, "previous.txt"]);
  });

  it("refuses to replace the sources folder with a site", async () => {
    const sources = sourcesFolder({ "a.txt": samplePage, "a.meta.yaml": sampleMeta });
    const built = await buildSite({ sources, args: ["--out", sources] });
    expect(built.exitCode).toBe(2);
    expect(built.stderr).toMatch(/refusing to build into .*: .* holds the sources/u);
    expect(readdirSync(sources).sort()).toEqual(["a.meta.yaml", "a.txt"]);
  });

  it("refuses to replace a folder of someone's files", async () => {
    const documents = mkdtempSync(join(tmpdir(), "broadsheet-documents-"));
    writeFileSync(join(documents, "thesis.docx"), "four years of work");
    const built = await buildSite({ sources: sourcesFolder({ "a.txt": samplePage, "a.meta.yaml": sampleMeta }), args: ["--out", documents] });
    expect(built.exitCode).toBe(2);
    expect(built.stderr.trim()).toMatch(/^refusing to build into .*: .* holds files Broadsheet did not make/u);
    expect(readdirSync(documents)).toEqual(["thesis.docx"]);
  });

  it.skipIf(!nobodyReachesProject())("says in one line that a read-only output folder cannot be built into, and leaves it", async () => {
    const site = previousSite();
    const parent = join(site, "..");
    const sources = sourcesFolder({ "a.txt": samplePage, "a.meta.yaml": sampleMeta });
    chmodSync(parent, 0o555);
    // root may write anywhere: run the build as nobody, for whom the folder is read-only
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const failed = await promisify(execFile)(process.execPath, [resolve("scripts/run.mjs"), "scripts/build.mts", "--out", site, "--sources", sources], { ...asNobody, env: { ...process.env, HOME: tmpdir() } }).catch((error: { code: number; stderr: string }) => error);
    chmodSync(parent, 0o755);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim()).toMatch(/^refusing to build into .*: .* is read-only \(the build replaces its output folder wholesale\)$/u);
    expect(readdirSync(site).sort()).toEqual([SITE_MARK, "previous.txt"]);
  });
});
