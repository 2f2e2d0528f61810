// The print edition's fonts, from npm (@fontsource Noto Serif SC / Noto Sans SC), so every machine and
// the PDF set the same glyphs. Each weight ships as ~100 unicode-range slices (~4.7 MB of woff2);
// Paged.js loads every face a page declares before it lays out, so the print pages declare only the
// slices holding a character they print.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The faces print.css asks for: 宋体-like body (regular, heavy masthead) and 黑体-like heads. */
export const PRINT_FACES = [
  { package: "@fontsource/noto-serif-sc", weight: 400 },
  { package: "@fontsource/noto-serif-sc", weight: 900 },
  { package: "@fontsource/noto-sans-sc", weight: 400 },
  { package: "@fontsource/noto-sans-sc", weight: 700 },
] as const;

export interface FontSlice {
  /** The woff2 file on disk. */
  file: string;
  /** Its name in the site's font folder. */
  name: string;
  /** The whole `@font-face` rule, its `src` pointing at `name` in the font folder. */
  rule: string;
  ranges: Array<[number, number]>;
}

/** `U+4e00-9fff,U+3000` → inclusive code point ranges. */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/iu, "").split("-");
    const start = Number.parseInt(from!, 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

/** Every slice of one weight of a @fontsource package, its rule rewritten to load woff2 from `folder`. */
export function fontSlices(pkg: string, weight: number, folder: string): FontSlice[] {
  const cssFile = require.resolve(`${pkg}/${weight}.css`);
  const css = readFileSync(cssFile, "utf8");
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/gu)].map(([rule]) => {
    const name = /url\(\.\/files\/([^)]+\.woff2)\)/u.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/u.exec(rule)?.[1];
    if (!name || !range) throw new Error(`${cssFile}: a @font-face without a woff2 file or unicode-range`);
    const src = `src: url(${folder}/${name}) format('woff2');`;
    // block, not swap: a page laid out in a fallback font would be measured wrongly
    const rewritten = rule.replace(/src:[^;]+;/u, src).replace(/font-display:\s*\w+;/u, "font-display: block;");
    return { file: join(dirname(cssFile), "files", name), name, rule: rewritten, ranges: parseUnicodeRange(range) };
  });
}

const covers = (slice: FontSlice, codePoint: number) => slice.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** The slices of every print face that hold at least one of `text`'s characters. */
export function slicesFor(text: string, folder: string): FontSlice[] {
  const codePoints = [...new Set([...text].map((character) => character.codePointAt(0)!))];
  return PRINT_FACES.flatMap((face) =>
    fontSlices(face.package, face.weight, folder).filter((slice) => codePoints.some((codePoint) => covers(slice, codePoint))),
  );
}
