// harfbuzz's subsetter as the fonts call it: the subset maps exactly the asked-for characters the
// font has, keeps their shapes, and a file that is not a font is refused by name.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FACES } from "../../src/print/fonts.ts";
import { subsetFontFile } from "../../src/print/subset.ts";

const require = createRequire(import.meta.url);
const codePoints = (text: string) => Array.from(text, (character) => character.codePointAt(0)!);

async function unicodesOf(font: Uint8Array): Promise<number[]> {
  const { Blob, Face } = await import("harfbuzzjs");
  return [...new Face(new Blob(font)).collectUnicodes()].sort((a, b) => a - b);
}

describe("subsetFontFile", () => {
  it("maps exactly the characters asked for that the font has, and leaves the rest out", async () => {
    const asked = codePoints("报纸版面 Aa1，。").concat(0x1f600, 0x20000); // an emoji and a CJK Extension B character: not in the font
    const subset = await subsetFontFile(require.resolve(FACES[0].font), asked);
    expect(await unicodesOf(subset)).toEqual(codePoints("报纸版面 Aa1，。").sort((a, b) => a - b));
  });

  it("gives the same glyph outlines as the whole font, for a far smaller file", async () => {
    const { Blob, Face, Font } = await import("harfbuzzjs");
    const file = require.resolve(FACES[3].font);
    const subset = await subsetFontFile(file, codePoints("版"));
    const whole = readFileSync(file);
    expect(subset.length).toBeLessThan(whole.length / 100);
    const outline = (bytes: Uint8Array) => {
      const font = new Font(new Face(new Blob(bytes)));
      return font.glyphToPath(font.nominalGlyph("版".codePointAt(0)!)!);
    };
    expect(outline(subset)).not.toBe("");
    expect(outline(subset)).toBe(outline(whole));
  });

  it("refuses a file that is not a font, naming it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "subset-")), "not-a-font.ttf");
    writeFileSync(file, "plain text, not a font");
    await expect(subsetFontFile(file, codePoints("版"))).rejects.toThrow(/not-a-font\.ttf/u);
  });
});
