// The build's output swap: a failed build or a failed swap leaves the previous site as it was.
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { stagingFolder, swapIn, unsafeOutput } from "../../scripts/staging.ts";

vi.mock("node:fs", async (original) => {
  const actual = await original<typeof fs>();
  return { ...actual, renameSync: vi.fn(actual.renameSync) };
});

function siteWith(file: string, content: string): { parent: string; site: string } {
  const parent = mkdtempSync(join(tmpdir(), "broadsheet-swap-"));
  const site = join(parent, "_site");
  mkdirSync(site);
  writeFileSync(join(site, file), content);
  return { parent, site };
}

describe("swapIn", () => {
  it("replaces the previous site by the staged one and leaves nothing else behind", () => {
    const { parent, site } = siteWith("index.html", "old");
    const staged = stagingFolder(site);
    mkdirSync(staged);
    writeFileSync(join(staged, "index.html"), "new");
    swapIn(staged, site);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("leaves the previous site as it was when the build wrote nothing", () => {
    const { site } = siteWith("index.html", "old");
    expect(() => swapIn(stagingFolder(site), site)).toThrow(/the build wrote nothing/u);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("old");
  });

  it("puts the previous site back when moving the new one in fails", async () => {
    const { parent, site } = siteWith("index.html", "old");
    const staged = stagingFolder(site);
    mkdirSync(staged);
    // the old site is moved aside for real; moving the new one in then fails
    const realRename = (await vi.importActual<typeof fs>("node:fs")).renameSync;
    vi.mocked(fs.renameSync)
      .mockImplementationOnce(realRename)
      .mockImplementationOnce(() => {
        throw new Error("EXDEV: cross-device link not permitted");
      });
    expect(() => swapIn(staged, site)).toThrow(/EXDEV/u);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("old");
    expect(readdirSync(parent).sort()).toEqual(["_site", basename(staged)]);
  });
});

describe("unsafeOutput", () => {
  const project = "/work/project";
  const sources = "/work/project/sources";

  it.each([
    ["/", /the root folder/u],
    ["/work", /holds the project itself/u],
    ["/work/project", /holds the project itself/u],
    ["/work/project/sources", /holds the sources/u],
    ["/work/project/sources/site", /inside the sources folder/u],
  ])("refuses to replace %s", (output, expected) => {
    expect(unsafeOutput(output, { project, sources })).toMatch(expected);
  });

  it("accepts a folder of its own, and refuses a file", () => {
    const parent = mkdtempSync(join(tmpdir(), "broadsheet-out-"));
    expect(unsafeOutput(join(parent, "_site"), { project, sources })).toBeUndefined();
    writeFileSync(join(parent, "file"), "");
    expect(unsafeOutput(join(parent, "file"), { project, sources })).toMatch(/is a file, not a folder/u);
  });
});
