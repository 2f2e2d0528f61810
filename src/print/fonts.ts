// The digest's own fonts, for the website and the print edition alike: Noto Serif SC and Noto Sans
// SC (SIL OFL 1.1) from npm as whole TrueType fonts (@expo-google-fonts; @fontsource ships only
// woff2 slices), cut down by harfbuzz's subsetter to the characters the site prints, written as
// `/fonts/fonts.css` and one WOFF per face. A face holding ~1,000 characters is about 250 KB,
// against 4–5 MB of ~100 slices per face before. WOFF rather than WOFF2: a quarter larger, but
// made twenty times faster (WOFF2's Brotli at its highest setting took ~2 s a face; WOFF, deflated
// by Node's zlib, 0.1 s), which counts when a new page brings new characters. The subsets are
// cached by the characters they hold.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { cachedEntry, countEntry, hashOf, storeEntry } from "../cache.ts";
import { projectRoot } from "../config.ts";
import { siteMetadata } from "../site/metadata.ts";
import type { Edition } from "../types.ts";
import { cutInFontProcess } from "./font-process.ts";
import { subsetFontFile } from "./subset.ts";
import { woff } from "./woff.ts";

const require = createRequire(import.meta.url);

export const SERIF = "Broadsheet Serif";
export const SANS = "Broadsheet Sans";

/** Where the fonts are, in the site. */
export const FONTS_FOLDER = "fonts";

/** 宋体-like text (regular; bold; heavy for mastheads) and 黑体-like heads. */
export const FACES = [
  { family: SERIF, weight: 400, name: "serif-400", font: "@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf" },
  { family: SERIF, weight: 700, name: "serif-700", font: "@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf" },
  { family: SERIF, weight: 900, name: "serif-900", font: "@expo-google-fonts/noto-serif-sc/900Black/NotoSerifSC_900Black.ttf" },
  { family: SANS, weight: 400, name: "sans-400", font: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf" },
  { family: SANS, weight: 700, name: "sans-700", font: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf" },
] as const;

/** Printable ASCII is always in: the markup's quotes and entities, and any Latin the text holds. */
const ASCII = Array.from({ length: 95 }, (_, k) => k + 32);

/**
 * Collects the code points of many strings (every page of a site), cheaply: ASCII is skipped, and
 * a character seen before is told by a table rather than by the set (a page repeats most of its characters).
 */
export class CharacterSet {
  readonly codePoints = new Set<number>(ASCII);
  private readonly seen = new Uint8Array(0x110000);

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) continue;
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      if (this.seen[codePoint] === 1) continue;
      this.seen[codePoint] = 1;
      this.codePoints.add(codePoint);
    }
  }

  /** The characters, in code point order (so that the same set always hashes the same). */
  text(): string {
    return String.fromCodePoint(...this.sorted());
  }

  /** The code points, in order. */
  sorted(): number[] {
    return [...this.codePoints].sort((a, b) => a - b);
  }
}

/**
 * Where the site's own words are: its templates, data and code, and the scripts and styles it
 * ships; not the reflow's code, whose words (surnames, signal words) are what it looks for.
 */
const SITE_TEXT = ["src", "_includes", "_data"];
const NOT_SITE_TEXT = /^(reflow|pdf|edition)\//u;

/**
 * The characters the site will print, known before a page is written: the editions', the site's
 * name and description, its templates' and assets'. The build cuts the fonts from them while
 * Eleventy writes the pages, rather than after it; the pages then tell whether they held more.
 */
export function expectedCharacters(editions: readonly Edition[]): CharacterSet {
  const characters = new CharacterSet();
  for (const edition of editions) characters.add(JSON.stringify(edition));
  characters.add(JSON.stringify(siteMetadata()));
  for (const folder of SITE_TEXT) {
    const root = join(projectRoot, folder);
    for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (!NOT_SITE_TEXT.test(file) && statSync(join(root, file)).isFile()) characters.add(readFileSync(join(root, file), "utf8"));
    }
  }
  return characters;
}

/** In a cut's cache entry: the characters it was asked for that no face of ours has. */
const UNCOVERED = "uncovered.json";
/** What a cut's cache entry holds, in its key: an entry of another make is not this one's. */
const ENTRY_FORMAT = "woff faces, uncovered.json";

/** Spaces and controls are never drawn, so never missing. */
const DRAWN = (codePoint: number) => !/[\s\p{Cc}\p{Cf}]/u.test(String.fromCodePoint(codePoint));

/** The code points no face in `subsets` maps (a subset maps exactly the asked-for characters its font has). */
async function missingFrom(subsets: readonly Uint8Array[], codePoints: readonly number[]): Promise<number[]> {
  const { Blob, Face } = await import("harfbuzzjs");
  const covered = new Set(subsets.flatMap((subset) => [...new Face(new Blob(subset)).collectUnicodes()]));
  return codePoints.filter((codePoint) => !covered.has(codePoint) && DRAWN(codePoint));
}

/**
 * Each face cut to `codePoints` (in code point order) and written into `folder` as WOFF, with the
 * code points no face of ours has (UNCOVERED). Run in the font process (src/print/font-process.ts).
 */
export async function cutFaces(folder: string, codePoints: readonly number[]): Promise<void> {
  const subsets = new Map<string, Uint8Array>();
  for (const face of FACES) {
    const subset = await subsetFontFile(require.resolve(face.font), codePoints);
    subsets.set(face.name, subset);
    const file = woff(subset);
    // named by content: a browser may keep a font for good, and a new subset gets a new name
    writeFileSync(join(folder, `${face.name}.${hashOf(file).slice(0, 10)}.woff`), file);
  }
  // the regular faces of both families hold every character the bolder ones do
  writeFileSync(join(folder, UNCOVERED), JSON.stringify(await missingFrom([subsets.get("serif-400")!, subsets.get("sans-400")!], codePoints)));
}

function stylesheet(files: ReadonlyMap<string, string>): string {
  const rules = FACES.map(
    (face) =>
      // block: a page laid out in a fallback font and then redrawn would be measured wrongly in print
      `@font-face { font-family: "${face.family}"; font-style: normal; font-weight: ${face.weight}; font-display: block; src: url(./${files.get(face.name)}) format("woff"); }`,
  );
  return `/* Noto Serif SC and Noto Sans SC (SIL OFL 1.1), subset to the characters this site prints. */\n${rules.join("\n")}\n`;
}

/**
 * Write `/fonts/fonts.css` and the subset faces into a site folder. Returns the characters no face
 * of ours can draw (CJK extensions beyond the basic set, emoji), spaces and controls aside.
 */
export async function writeFonts(siteDirectory: string, characters: CharacterSet): Promise<number[]> {
  const text = characters.text();
  const key = hashOf(ENTRY_FORMAT, text, ...FACES.map((face) => face.font));
  let entry = cachedEntry("fonts", key);
  countEntry("fonts", entry !== undefined);
  entry ??= await storeEntry("fonts", key, (folder) => cutInFontProcess(folder, characters.sorted()));
  const folder = join(siteDirectory, FONTS_FOLDER);
  // a site's earlier subsets go: `npm start` writes them again at each rebuild
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const files = new Map<string, string>();
  for (const file of readdirSync(entry).filter((name) => name.endsWith(".woff"))) {
    copyFileSync(join(entry, file), join(folder, file));
    files.set(file.split(".")[0]!, file);
  }
  writeFileSync(join(folder, "fonts.css"), stylesheet(files));
  return JSON.parse(readFileSync(join(entry, UNCOVERED), "utf8")) as number[];
}

/** One line naming the characters no font of ours has, and the editions they are in; undefined when there are none. */
function uncoveredNotice(codePoints: readonly number[], editions: readonly Edition[]): string | undefined {
  if (codePoints.length === 0) return undefined;
  const listed = (items: string[], most: number) => `${items.slice(0, most).join(", ")}${items.length > most ? ", …" : ""}`;
  const characters = codePoints.map((codePoint) => `${String.fromCodePoint(codePoint)} U+${codePoint.toString(16).toUpperCase()}`);
  const sources = editions.filter((edition) => {
    const text = JSON.stringify(edition);
    return codePoints.some((codePoint) => text.includes(String.fromCodePoint(codePoint)));
  });
  const where = sources.length > 0 ? ` (in ${listed(sources.map((edition) => edition.source), 5)})` : "";
  return `fonts: ${codePoints.length} character(s) no embedded font has, drawn by the system's fonts where it has them, else as empty boxes: ${listed(characters, 20)}${where}`;
}

/**
 * The site's fonts, cut for the characters its pages are expected to print (`expectedCharacters`)
 * as soon as the editions are known, while Eleventy writes the pages; `complete` then cuts them
 * again only when the pages printed a character the expectation missed.
 */
export class FontCut {
  private readonly characters: CharacterSet;
  /** Resolves with the characters no face has. */
  private cut: Promise<number[]>;

  constructor(
    private readonly siteDirectory: string,
    private readonly editions: readonly Edition[],
  ) {
    this.characters = expectedCharacters(editions);
    this.cut = writeFonts(siteDirectory, this.characters);
    // awaited by `complete`: a failure meanwhile is not yet anyone's to report
    this.cut.catch(() => undefined);
  }

  /** Once the pages are written: the fonts, with every character `printed` holds. Returns a warning naming what no font of ours can draw, if any. */
  async complete(printed: string): Promise<string | undefined> {
    await this.cut;
    const before = this.characters.codePoints.size;
    this.characters.add(printed);
    if (this.characters.codePoints.size > before) await this.rewrite();
    return uncoveredNotice(await this.cut, this.editions);
  }

  /** The fonts written again, into a site written afresh (from the cache). */
  rewrite(): Promise<number[]> {
    this.cut = writeFonts(this.siteDirectory, this.characters);
    return this.cut;
  }
}
