// A page seen on a machine without CJK fonts: Chromium launched with a fontconfig that knows only
// DejaVu (Latin), so any Chinese it draws comes from the site's own web fonts.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { launchBrowser } from "../../src/browser.ts";

const require = createRequire(import.meta.url);

const LATIN_ONLY = "/usr/share/fonts/truetype/dejavu";

export interface CjkRendering {
  /** Two different Han characters come out different in the system's own fonts (false: both a box). */
  systemDistinct: boolean;
  /** …and in the page's body font, once its web fonts have loaded. */
  pageDistinct: boolean;
}

export async function withoutSystemCjkFonts(url: string): Promise<CjkRendering> {
  const folder = mkdtempSync(join(tmpdir(), "broadsheet-fontconfig-"));
  const config = join(folder, "fonts.conf");
  writeFileSync(config, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${LATIN_ONLY}</dir><cachedir>${folder}</cachedir></fontconfig>\n`);
  const saved = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = config; // read by the browser when it starts
  const browser = await launchBrowser();
  if (saved === undefined) delete process.env.FONTCONFIG_FILE;
  else process.env.FONTCONFIG_FILE = saved;
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.evaluate(async () => {
      const family = getComputedStyle(document.body).fontFamily;
      await document.fonts.load(`48px ${family}`, "中国");
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 64;
      const context = canvas.getContext("2d")!;
      const draw = (font: string, char: string) => {
        context.clearRect(0, 0, 64, 64);
        context.font = `48px ${font}`;
        context.fillText(char, 4, 52);
        return context.getImageData(0, 0, 64, 64).data.join(",");
      };
      return { systemDistinct: draw("sans-serif", "中") !== draw("sans-serif", "国"), pageDistinct: draw(family, "中") !== draw(family, "国") };
    });
  } finally {
    await browser.close();
  }
}

/**
 * A stand-in for the site's `/fonts/fonts.css` (which the print edition's build writes, subset to
 * the digest) as the contract between them describes it: "Broadsheet Sans" from @fontsource's Noto
 * Sans SC, only the slices that hold `text`. For sites built without that step.
 */
export function standInFonts(siteDirectory: string, text: string): void {
  const css = require.resolve("@fontsource/noto-sans-sc/400.css");
  const codePoints = [...text].map((character) => character.codePointAt(0)!);
  const covers = (range: string) =>
    range.split(",").some((part) => {
      const [from, to] = part.trim().replace(/^U\+/iu, "").split("-").map((hex) => Number.parseInt(hex, 16));
      return codePoints.some((codePoint) => codePoint >= from! && codePoint <= (to ?? from!));
    });
  const folder = join(siteDirectory, "fonts");
  mkdirSync(folder, { recursive: true });
  const rules = [...readFileSync(css, "utf8").matchAll(/@font-face\s*\{[^}]*\}/gu)].flatMap(([rule]) => {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/u.exec(rule)?.[1];
    const range = /unicode-range:\s*([^;]+);/u.exec(rule)?.[1];
    if (!file || !range || !covers(range)) return [];
    copyFileSync(join(dirname(css), "files", file), join(folder, file));
    return [rule.replace(/font-family:[^;]+;/u, 'font-family: "Broadsheet Sans";').replace(/src:[^;]+;/u, `src: url(${file}) format("woff2");`)];
  });
  writeFileSync(join(folder, "fonts.css"), rules.join("\n"));
}
