// The WOFF wrapper read back as the format says: every table, inflated, is the font's own, at a
// 4-byte boundary, and the header's sizes are the file's and the font's.
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FACES } from "../../src/print/fonts.ts";
import { subsetFontFile } from "../../src/print/subset.ts";
import { woff } from "../../src/print/woff.ts";

const require = createRequire(import.meta.url);

/** A font's tables by tag, as bytes. */
function sfntTables(font: Buffer): Map<string, Buffer> {
  return new Map(
    Array.from({ length: font.readUInt16BE(4) }, (_, k) => {
      const entry = 12 + 16 * k;
      const offset = font.readUInt32BE(entry + 8);
      return [font.toString("latin1", entry, entry + 4), font.subarray(offset, offset + font.readUInt32BE(entry + 12))] as const;
    }),
  );
}

describe("woff", async () => {
  const sfnt = Buffer.from(await subsetFontFile(require.resolve(FACES[0].font), Array.from("报纸版面文摘 Broadsheet 2026", (character) => character.codePointAt(0)!)));
  const file = woff(sfnt);
  const count = file.readUInt16BE(12);

  it("has WOFF's header, with the font's flavour, the file's length and the font's size", () => {
    expect(file.toString("latin1", 0, 4)).toBe("wOFF");
    expect(file.readUInt32BE(4)).toBe(sfnt.readUInt32BE(0));
    expect(file.readUInt32BE(8)).toBe(file.length);
    expect(count).toBe(sfnt.readUInt16BE(4));
    const tables = [...sfntTables(sfnt).values()];
    expect(file.readUInt32BE(16)).toBe(12 + 16 * count + tables.reduce((sum, table) => sum + ((table.length + 3) & ~3), 0));
  });

  it("holds every table of the font, in tag order, deflated where that is smaller", () => {
    const original = sfntTables(sfnt);
    const tags: string[] = [];
    for (let k = 0; k < count; k++) {
      const entry = 44 + 20 * k;
      const tag = file.toString("latin1", entry, entry + 4);
      const [offset, stored, length] = [file.readUInt32BE(entry + 4), file.readUInt32BE(entry + 8), file.readUInt32BE(entry + 12)];
      expect(offset % 4).toBe(0);
      const data = file.subarray(offset, offset + stored);
      const table = stored < length ? inflateSync(data) : data;
      expect(table.equals(original.get(tag)!)).toBe(true);
      tags.push(tag);
    }
    expect(tags).toEqual([...original.keys()].sort());
    expect(file.length).toBeLessThan(sfnt.length);
  });
});
