// The build's output swap: a failed build or a failed swap leaves the previous site as it was.
import * as fs from "node:fs";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { prepareStaging, removeInBackground, stagingFolder, swapIn, unsafeOutput } from "../../scripts/staging.ts";
import { SITE_MARK, markAsSite, replacePages } from "../../src/site/output.ts";

vi.mock("node:fs", async (original) => {
  const actual = await original<typeof fs>();
  return { ...actual, renameSync: vi.fn(actual.renameSync) };
});

function siteWith(file: string, content: string): { parent: string; site: string } {
  const parent = mkdtempSync(join(tmpdir(), "broadsheet-swap-"));
  const site = join(parent, "_site");
  mkdirSync(site);
  writeFileSync(join(site, file), content);
  markAsSite(site);
  return { parent, site };
}

describe("swapIn", () => {
  it("replaces the previous site by the staged one and leaves nothing else behind once the previous one is removed", async () => {
    const { parent, site } = siteWith("index.html", "old");
    const staged = stagingFolder(site);
    mkdirSync(staged);
    writeFileSync(join(staged, "index.html"), "new");
    const previous = swapIn(staged, site);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("new");
    expect(readFileSync(join(previous!, "index.html"), "utf8")).toBe("old");
    const remover = removeInBackground(previous!);
    if (remover) await new Promise((exited) => remover.on("exit", exited));
    expect(readdirSync(parent)).toEqual(["_site"]);
  });

  it("leaves the previous site being removed to its remover, as long as it runs", () => {
    const { parent, site } = siteWith("index.html", "old");
    const beingRemoved = `${site}.previous-${process.ppid}`;
    fs.renameSync(site, beingRemoved);
    mkdirSync(site);
    const { staging, cleared } = prepareStaging(site);
    expect(cleared).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(["_site", basename(beingRemoved), basename(staging)].sort());
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

describe("what --out may replace", () => {
  const project = "/work/project";
  const sources = "/work/project/sources";

  it("refuses a folder of someone's files, and takes an empty one or one Broadsheet made", () => {
    const parent = mkdtempSync(join(tmpdir(), "broadsheet-out-"));
    const documents = join(parent, "d");
    mkdirSync(documents);
    writeFileSync(join(documents, "thesis.docx"), "x");
    expect(unsafeOutput(documents, { project, sources })).toMatch(/holds files Broadsheet did not make \(no \.broadsheet-site in it\)/u);
    const empty = join(parent, "empty");
    mkdirSync(empty);
    expect(unsafeOutput(empty, { project, sources })).toBeUndefined();
    const { site } = siteWith("index.html", "old");
    expect(unsafeOutput(site, { project, sources })).toBeUndefined();
    // the project's own _site, built before sites were marked
    const olderProject = mkdtempSync(join(tmpdir(), "broadsheet-project-"));
    mkdirSync(join(olderProject, "_site"));
    writeFileSync(join(olderProject, "_site", "index.html"), "");
    expect(unsafeOutput(join(olderProject, "_site"), { project: olderProject, sources: join(olderProject, "sources") })).toBeUndefined();
  });

  it("marks the staged site, so that the next build may replace it", () => {
    const { site } = siteWith("index.html", "old");
    const { staging } = prepareStaging(site);
    expect(readdirSync(staging)).toEqual([SITE_MARK]);
    swapIn(staging, site);
    expect(unsafeOutput(site, { project, sources })).toBeUndefined();
  });
});

describe("what stopped builds leave", () => {
  it("removes the staged sites of builds that are gone, and leaves those of running ones", () => {
    const { parent, site } = siteWith("index.html", "old");
    const dead = `${site}.staging-999999999`;
    const running = `${site}.staging-${process.ppid}`;
    for (const folder of [dead, running]) mkdirSync(folder);
    const { staging, cleared } = prepareStaging(site);
    expect(cleared).toEqual([dead]);
    expect(readdirSync(parent).sort()).toEqual(["_site", basename(running), basename(staging)].sort());
  });

  it("puts back a previous site set aside by a build stopped mid-swap", () => {
    const { parent, site } = siteWith("index.html", "old");
    const setAside = `${site}.previous-999999999`;
    fs.renameSync(site, setAside);
    const { staging } = prepareStaging(site);
    expect(readFileSync(join(site, "index.html"), "utf8")).toBe("old");
    expect(existsSync(setAside)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(["_site", basename(staging)]);
  });
});

describe("the pages a site's mark lists", () => {
  it("go when a later build no longer writes them, with the folders they leave empty, and nothing else", () => {
    const { parent, site } = siteWith("kept.txt", "not a page");
    const page = (name: string) => join(site, name);
    for (const name of ["editions/a", "editions/b"]) mkdirSync(page(name), { recursive: true });
    for (const name of ["index.html", "editions/a/index.html", "editions/b/index.html"]) writeFileSync(page(name), "");
    writeFileSync(join(parent, "outside.html"), "");
    replacePages(site, [page("index.html"), page("editions/a/index.html"), page("editions/b/index.html")]);
    // a hand-edited mark naming a file outside the folder
    writeFileSync(page(SITE_MARK), `${readFileSync(page(SITE_MARK), "utf8")}../outside.html\n`);
    expect(replacePages(site, [page("index.html"), page("editions/a/index.html")])).toBe(1);
    expect(existsSync(page("editions/b"))).toBe(false);
    expect(existsSync(page("editions/a/index.html"))).toBe(true);
    expect(existsSync(page("kept.txt"))).toBe(true);
    expect(existsSync(join(parent, "outside.html"))).toBe(true);
  });
});
