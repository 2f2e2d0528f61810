// The first build's reflow on every core (src/edition/warm.ts): the shares together reflow every
// page once, the digest then reads them all from the cache, and the counts say what was reflowed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheCounts } from "../../src/cache.ts";
import { loadDigest } from "../../src/edition/load.ts";
import { reflowDigest, warmReflowCache } from "../../src/edition/warm.ts";
import { writeArchive } from "../build/archive.ts";

const folder = mkdtempSync(join(tmpdir(), "broadsheet-warm-"));
const sources = join(folder, "sources");
writeArchive(sources, 5);
writeFileSync(join(sources, "bad.txt"), Buffer.from([0x80, 0x81, 0xfe, 0xff, 0x00, 0x00]));
const saved = process.env.BROADSHEET_CACHE;
afterAll(() => {
  process.env.BROADSHEET_CACHE = saved;
  rmSync(folder, { recursive: true, force: true });
});

describe("warmReflowCache", () => {
  it("reflows each page once across the processes, and the digest then finds them cached", async () => {
    process.env.BROADSHEET_CACHE = join(folder, "cache-a");
    expect(await warmReflowCache(sources, 2, 1)).toBe(5);
    expect(await warmReflowCache(sources, 2, 1)).toBe(0);
    delete cacheCounts.reflow;
    const digest = loadDigest(sources);
    expect(digest.editions.length).toBe(5);
    expect(cacheCounts.reflow).toEqual({ reused: 5, made: 1 }); // the bad source is read again, and reported
    expect(digest.problems.map((problem) => String(problem))).toEqual([expect.stringContaining("bad.txt")]);
  });

  it("counts what this build reflowed, not what the warm-up left in the cache", async () => {
    process.env.BROADSHEET_CACHE = join(folder, "cache-b");
    delete cacheCounts.reflow;
    const { digest } = await reflowDigest(sources);
    expect(digest.editions.length).toBe(5);
    expect(cacheCounts.reflow).toEqual({ reused: 0, made: 6 });
  });
});
