// Page pictures (版面图) into the built site. The pictures are made after Eleventy writes the pages
// (screenshots of the print views, or the PDF pages rendered), as `/pictures/SLUG.jpg`, a small
// `/pictures/SLUG-small.jpg` and `/pictures/SLUG.json` (the picture's size and each story's areas,
// as fractions of it). The templates leave a placeholder where a picture goes, closed and empty; this
// fills it, or leaves it empty when the edition has no picture, so the page shows nothing and breaks nothing.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import type { EleventyConfig } from "./eleventy.ts";

/**
 * Text for HTML text and double-quoted attributes (markdown-it's escaping, a dependency already),
 * loaded when first needed: the Eleventy a build runs never fills a placeholder, and starts the faster.
 */
let markdownEscape: ((text: string) => string) | undefined;
function escapeHtml(text: string): string {
  markdownEscape ??= (createRequire(import.meta.url)("markdown-it") as () => { utils: { escapeHtml: (text: string) => string } })().utils.escapeHtml;
  return markdownEscape(text);
}

export interface PictureArea {
  story: string;
  title: string;
  rects: [number, number, number, number][];
}

export interface PictureMap {
  width: number;
  height: number;
  areas: PictureArea[];
}

/**
 * `<!--broadsheet:KIND SLUG URL [EDITION_URL]-->`, written by the templates with the path prefix
 * (what fills it follows it, up to `<!--/broadsheet-->`, so that filling again replaces it)
 * (and, for og-image, the site's address) already applied:
 * pagemap: the page picture with its story areas as links, on the edition page;
 * thumbnail: the small picture, on the issue and home pages; og-image: the picture for link previews.
 */
const PLACEHOLDER = /(<!--broadsheet:(pagemap|thumbnail|og-image) ([\w-]+) (\S+?)(?: (\S+?))?-->)(?:(?:(?!<!--broadsheet:)[\s\S])*?<!--\/broadsheet-->)?/gu;

const isFraction = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1;

/** The JSON beside a picture, if it is there and says what it should; anything else counts as no picture. */
export function readPictureMap(file: string): PictureMap | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as PictureMap;
    if (!(value.width > 0 && value.height > 0 && Array.isArray(value.areas))) return undefined;
    const areas = value.areas
      .filter((area) => typeof area?.story === "string" && /^[\w-]+$/u.test(area.story) && Array.isArray(area.rects))
      .map((area) => ({
        story: area.story,
        title: typeof area.title === "string" ? area.title : "",
        rects: area.rects.filter((rect) => Array.isArray(rect) && rect.length === 4 && rect.every(isFraction) && rect[2] > 0 && rect[3] > 0),
      }))
      .filter((area) => area.rects.length > 0);
    return { width: value.width, height: value.height, areas };
  } catch {
    return undefined;
  }
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * The page picture with each story's areas as links to it: the first of a story's areas takes the
 * keyboard, with its title as its text. Only stories the page links to get an area.
 */
export function pageMapHtml(map: PictureMap, pictureUrl: string, editionUrl: string, page: string): string {
  const shown = map.areas.filter((area) => page.includes(`href="${escapeHtml(`${editionUrl}${area.story}/`)}"`));
  const stories = shown.map((area) => {
    const title = escapeHtml(area.title || "本版文章");
    const links = area.rects.map(([x, y, w, h], k) => {
      const style = `left:${percent(x)};top:${percent(y)};width:${percent(w)};height:${percent(h)}`;
      const access = k === 0 ? "" : ' tabindex="-1" aria-hidden="true"';
      const label = k === 0 ? `<span class="pagemap-label">${title}</span>` : "";
      return `<a class="pagemap-area" href="${escapeHtml(`${editionUrl}${area.story}/`)}" style="${style}"${access}>${label}</a>`;
    });
    return `<div class="pagemap-story">${links.join("")}</div>`;
  });
  return (
    `<figure class="pagemap" aria-labelledby="pagemap-caption">` +
    `<div class="pagemap-picture" style="aspect-ratio:${map.width}/${map.height}">` +
    `<img src="${escapeHtml(pictureUrl)}" width="${map.width}" height="${map.height}" alt="本版版面图">${stories.join("")}</div>` +
    `<figcaption id="pagemap-caption">版面图：点选文章区域即可阅读</figcaption></figure>`
  );
}

const smallUrl = (pictureUrl: string) => pictureUrl.replace(/\.jpg$/u, "-small.jpg");

function htmlFiles(siteDirectory: string): string[] {
  return readdirSync(siteDirectory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html") && !file.split(sep).includes("pagefind"))
    .map((file) => join(siteDirectory, file));
}

/**
 * Fill every placeholder of the site in `siteDirectory` from `pictures/`: returns how many pages got
 * a page picture (an edition page's, a thumbnail or a link preview's). One page at a time, and each
 * picture's JSON read once, so memory stays bounded however large the archive.
 */
export async function injectPageMaps(siteDirectory: string): Promise<number> {
  // with no picture at all every placeholder stays as written, empty: the pages need not be read back
  if (!existsSync(join(siteDirectory, "pictures"))) return 0;
  const maps = new Map<string, PictureMap | undefined>();
  const mapOf = (slug: string) => {
    if (!maps.has(slug)) {
      const picture = join(siteDirectory, "pictures", `${slug}.jpg`);
      maps.set(slug, existsSync(picture) ? readPictureMap(join(siteDirectory, "pictures", `${slug}.json`)) : undefined);
    }
    return maps.get(slug);
  };
  let filled = 0;
  for (const file of htmlFiles(siteDirectory)) {
    const html = readFileSync(file, "utf8");
    if (!html.includes("<!--broadsheet:")) continue;
    let pictured = false;
    const filling = (kind: string, slug: string, url: string, editionUrl?: string): string => {
      const map = mapOf(slug);
      if (!map) return "";
      if (kind === "thumbnail" && !existsSync(join(siteDirectory, "pictures", `${slug}-small.jpg`))) return "";
      pictured = true;
      if (kind === "og-image") return `<meta property="og:image" content="${escapeHtml(url)}">\n<meta property="og:image:width" content="${map.width}">\n<meta property="og:image:height" content="${map.height}">`;
      if (kind === "thumbnail") return `<img class="page-thumbnail" src="${escapeHtml(smallUrl(url))}" alt="" loading="lazy" width="${map.width}" height="${map.height}">`;
      return editionUrl ? pageMapHtml(map, url, editionUrl, html) : "";
    };
    const done = html.replace(PLACEHOLDER, (_, placeholder: string, kind: string, slug: string, url: string, editionUrl?: string) => `${placeholder}${filling(kind, slug, url, editionUrl)}<!--/broadsheet-->`);
    if (pictured) filled += 1;
    if (done !== html) writeFileSync(file, done);
  }
  return filled;
}

/** In `npm start`, fill (or clear) the placeholders after each rebuild too (a full build calls injectPageMaps itself, once the pictures exist). */
export function pageMapsOnRebuild(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }) => {
    if (runMode !== "build") await injectPageMaps(directories.output);
  });
}
