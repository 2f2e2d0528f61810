// The build's stamp: what makes a build "up to date", and what does not.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInputs, upToDate, writeStamp } from "../../scripts/stamp.ts";

const folder = mkdtempSync(join(tmpdir(), "broadsheet-stamp-"));
const sources = join(folder, "sources");
const site = join(folder, "site");
mkdirSync(sources);
mkdirSync(join(site, "a"), { recursive: true });
writeFileSync(join(sources, "p1.txt"), "第一版\n");
writeFileSync(join(sources, "p1.meta.yaml"), "date: 2026-01-01\n");
writeFileSync(join(site, "index.html"), "<p>首页</p>");
writeFileSync(join(site, "a", "index.html"), "<p>甲</p>");
const FLAGS = { strict: false, pdf: true, archivePdf: false };

afterEach(() => {
  delete process.env.BROADSHEET_TITLE;
});

describe("buildInputs", () => {
  it("is the same for the same sources, code, settings and flags", () => {
    expect(buildInputs(sources, FLAGS)).toBe(buildInputs(sources, { ...FLAGS }));
  });

  it("changes with a source's contents, a new sidecar, a flag or a setting, not with where the cache is", () => {
    const before = buildInputs(sources, FLAGS);
    appendFileSync(join(sources, "p1.txt"), "又及\n");
    const edited = buildInputs(sources, FLAGS);
    writeFileSync(join(sources, "p1.corrections.yaml"), "[]\n");
    const added = buildInputs(sources, FLAGS);
    const flagged = buildInputs(sources, { ...FLAGS, pdf: false });
    process.env.BROADSHEET_TITLE = "另一个报摘";
    const titled = buildInputs(sources, FLAGS);
    delete process.env.BROADSHEET_TITLE;
    process.env.BROADSHEET_CACHE = join(folder, "elsewhere");
    const cached = buildInputs(sources, FLAGS);
    delete process.env.BROADSHEET_CACHE;
    expect(new Set([before, edited, added, flagged, titled]).size).toBe(5);
    expect(cached).toBe(added);
  });
});

describe("upToDate", () => {
  it("holds for the folder as stamped, and not once a file is added, removed or changes size, or for other inputs", () => {
    expect(upToDate(site, "inputs")).toBe(false);
    writeStamp(site, "inputs");
    expect(upToDate(site, "inputs")).toBe(true);
    expect(upToDate(site, "other inputs")).toBe(false);
    appendFileSync(join(site, "a", "index.html"), "<p>乙</p>");
    expect(upToDate(site, "inputs")).toBe(false);
    writeStamp(site, "inputs");
    writeFileSync(join(site, "new.html"), "");
    expect(upToDate(site, "inputs")).toBe(false);
    rmSync(join(site, "new.html"));
    rmSync(join(site, "index.html"));
    expect(upToDate(site, "inputs")).toBe(false);
  });
});
