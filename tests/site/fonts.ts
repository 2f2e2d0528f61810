// A page seen on a machine without CJK fonts: Chromium launched with a fontconfig that knows only
// DejaVu (Latin), so any Chinese it draws comes from the site's own web fonts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser } from "../../src/browser.ts";

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
      // two different Han characters the page prints, so the subset the site serves holds them
      const han = [...new Set(document.body.innerText.match(/\p{Script=Han}/gu) ?? [])];
      const [first, second] = [han[0] ?? "中", han[1] ?? "国"];
      await document.fonts.load(`48px ${family}`, first + second);
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 64;
      const context = canvas.getContext("2d")!;
      const draw = (font: string, char: string) => {
        context.clearRect(0, 0, 64, 64);
        context.font = `48px ${font}`;
        context.fillText(char, 4, 52);
        return context.getImageData(0, 0, 64, 64).data.join(",");
      };
      return { systemDistinct: draw("sans-serif", first) !== draw("sans-serif", second), pageDistinct: draw(family, first) !== draw(family, second) };
    });
  } finally {
    await browser.close();
  }
}
