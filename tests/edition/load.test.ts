import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadDigest, loadEdition, readDigest } from "../../src/edition/load.ts";
import * as reflowModule from "../../src/reflow/index.ts";
import { sampleMeta, samplePage, sourceError, sourcesFolder } from "./fixtures.ts";

// the real reflow unless a test swaps in a broken one, to check what the loader does with its bugs
vi.mock("../../src/reflow/index.ts", async (original) => {
  const actual = await original<typeof reflowModule>();
  return { ...actual, reflow: vi.fn(actual.reflow) };
});
const actualReflow = (await vi.importActual<typeof reflowModule>("../../src/reflow/index.ts")).reflow;
const reflow = vi.mocked(reflowModule.reflow);

const CORRECTIONS = `meta:
  page: 机关建设（修订）
corrections:
  - join: {after: "推动机关建设提质增效。"}
  - split: {before: "办文办会方面"}
  - paragraph: 广安市政协机关召开青年干部座谈会。
  - new-story: 多措并举强队伍
`;


describe("loadEdition", () => {
  it("applies the corrections file beside the source, metadata overrides included", () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta });
    const plain = loadEdition(join(folder, "p.txt")).edition;
    const folderWithCorrections = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta, "p.corrections.yaml": CORRECTIONS });
    const loaded = loadEdition(join(folderWithCorrections, "p.txt"));
    const { edition } = loaded;
    expect(loaded.corrections).toBe(4);
    expect(edition.meta).toEqual({ ...plain.meta, page: "机关建设（修订）" });
    expect(edition.stories[0]!.blocks[0]!.text).toMatch(/推动机关建设提质增效。在统筹协调上/u);
    expect(edition.stories[0]!.blocks[1]!.text).toMatch(/推动全流程精细管理。$/u);
    expect(edition.stories[0]!.blocks[2]!.text).toMatch(/^办文办会方面/u);
    expect(edition.stories.map((story) => story.title)).toEqual([...plain.stories.map((story) => story.title), "多措并举强队伍 打造“实干型”机关"]);
    expect(edition.stories[3]!.blocks.find((block) => block.text === "广安市政协机关召开青年干部座谈会。")?.type).toBe("paragraph");
  });

  it("refuses the page when a correction no longer matches, naming the corrections file and line", () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta, "p.corrections.yaml": "corrections:\n  - caption: 从未印过的话\n" });
    expect(String(sourceError(() => loadEdition(join(folder, "p.txt"))))).toMatch(/p\.corrections\.yaml:2: `caption`: “从未印过的话” is not in the page/u);
  });

  it("refuses a page without a sidecar for the site, and reflows it anyway for the reflow command", () => {
    const folder = sourcesFolder({ "p.txt": samplePage });
    expect(sourceError(() => loadEdition(join(folder, "p.txt"))).message).toMatch(/^no sidecar p\.meta\.yaml/u);
    const loaded = loadEdition(join(folder, "p.txt"), { allowMissingMeta: true });
    expect(loaded.edition.meta).toEqual({ publication: "", date: "", page: "p" });
    expect(loaded.notices).toEqual([expect.stringMatching(/no sidecar p\.meta\.yaml; publication and date left empty/u)]);
  });

  it("holds back a page the reflow lost text of, or added text to, as a bug", () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta });
    reflow.mockImplementationOnce((text) => {
      const result = actualReflow(text);
      result.stories[0]!.blocks.pop();
      result.credits.push("多");
      return result;
    });
    expect(sourceError(() => loadEdition(join(folder, "p.txt"))).message).toMatch(/^Broadsheet lost \d+ character\(s\) “.*” and added 1 character\(s\) “多” of this page: a bug in Broadsheet/u);
  });

  it("reports a reflow that throws as a bug on that page, not a crash", () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta });
    reflow.mockImplementationOnce(() => {
      throw new RangeError("Maximum call stack size exceeded");
    });
    const error = sourceError(() => loadEdition(join(folder, "p.txt")));
    expect(error.message).toBe("Broadsheet failed on this page (Maximum call stack size exceeded): a bug in Broadsheet, not in the file; please report it with the file");
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

describe("loadDigest", () => {
  const good = { "a.txt": samplePage, "a.meta.yaml": sampleMeta, "c.txt": samplePage, "c.meta.yaml": sampleMeta };

  it("leaves a bad source out and loads the others", () => {
    const digest = loadDigest(sourcesFolder({ ...good, "b.txt": "", "b.meta.yaml": sampleMeta }));
    expect(digest.editions.map((edition) => edition.source)).toEqual(["a.txt", "c.txt"]);
    expect(digest.problems.map((problem) => problem.message)).toEqual(["the file is empty"]);
  });

  it("stops at the first bad source when strict", () => {
    const digest = loadDigest(sourcesFolder({ ...good, "b.txt": "", "b.meta.yaml": sampleMeta, "bb.txt": "" }), { strict: true });
    expect(digest.problems).toHaveLength(1);
    expect(digest.editions.map((edition) => edition.source)).toEqual(["a.txt"]);
  });

  it("skips hidden files and notes sidecars without a source", () => {
    const digest = loadDigest(sourcesFolder({ ...good, "._a.txt": new Uint8Array([0, 5, 7, 0]), "typo.meta.yaml": sampleMeta }));
    expect(digest.problems).toEqual([]);
    expect(digest.notices).toEqual([expect.stringMatching(/\._a\.txt: a hidden file, not read as a source$/u), expect.stringMatching(/typo\.meta\.yaml: no source typo\.txt beside this sidecar; it is not used$/u)]);
  });

  it("reports a missing sources folder", () => {
    expect(loadDigest("/nonexistent/sources").problems.map(String)).toEqual(["/nonexistent/sources: the sources folder does not exist or cannot be read"]);
  });
});

describe("readDigest", () => {
  it("reads a folder once while its files stay as they were, and afresh when one changes", async () => {
    const { writeFileSync } = await import("node:fs");
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta });
    const first = readDigest(folder);
    expect(first).toMatchObject({ fresh: true });
    expect(first.digest.editions).toHaveLength(1);
    const again = readDigest(folder);
    expect(again.fresh).toBe(false);
    expect(again.digest).toBe(first.digest);
    writeFileSync(join(folder, "p.meta.yaml"), sampleMeta.replace("pageNumber: 4", "pageNumber: 5"));
    const changed = readDigest(folder);
    expect(changed.fresh).toBe(true);
    expect(changed.digest.editions[0]!.meta.pageNumber).toBe(5);
  });
});
