// The fonts cut in a process of their own (Liftoff only): the same faces as cut in this process,
// and cut here all the same when that process cannot start.
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cutInFontProcess } from "../../src/print/font-process.ts";
import { cutFaces } from "../../src/print/fonts.ts";

// an emoji and a CJK Extension B character, which no face of ours has, after characters they all have
const asked = [...Array.from(" Aa1，。报纸版面", (character) => character.codePointAt(0)!).sort((a, b) => a - b), 0x1f600, 0x20000];
const folder = () => mkdtempSync(join(tmpdir(), "font-process-"));
const written = (at: string) => readdirSync(at).sort().map((name) => [name, readFileSync(join(at, name)).length]);

describe("cutInFontProcess", () => {
  const debug = process.env.BROADSHEET_DEBUG;
  afterEach(() => {
    if (debug === undefined) delete process.env.BROADSHEET_DEBUG;
    else process.env.BROADSHEET_DEBUG = debug;
    vi.restoreAllMocks();
  });

  it("writes the faces and the characters none has, as a cut in this process does, without falling back", async () => {
    process.env.BROADSHEET_DEBUG = "1"; // a fall-back says so then
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const [there, here] = [folder(), folder()];
    await cutInFontProcess(there, asked);
    await cutFaces(here, asked);
    expect(warn).not.toHaveBeenCalled();
    expect(written(there)).toHaveLength(6);
    expect(written(there)).toEqual(written(here)); // the faces are named by their content
    expect(JSON.parse(readFileSync(join(there, "uncovered.json"), "utf8"))).toEqual([0x1f600, 0x20000]);
  });

  it("cuts them in this process when the font process cannot start, and says why when debugging", async () => {
    process.env.BROADSHEET_DEBUG = "1";
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const there = folder();
    await cutInFontProcess(there, asked, ["--no-such-flag-of-node"]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/font process ended \(exit code 9\)[^]*bad option/u));
    expect(written(there)).toHaveLength(6);
  });
});
