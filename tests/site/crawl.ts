// Reading a built site from disk the way a browser would reach it: every HTML page and stylesheet,
// every address they refer to, and whether that address is a file of the site.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";

/** Elements' attributes that hold an address the browser follows or loads. */
const URL_ATTRIBUTES = ["href", "src", "action", "poster", "data"];
const ORIGIN = "http://site.invalid";

export interface Reference {
  from: string;
  url: string;
}

export function filesOf(directory: string, extension: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(extension))
    .map((file) => join(directory, file));
}

/** The address a file is served at: `/sub/editions/x/` for `editions/x/index.html` under prefix `/sub/`. */
export function urlOf(directory: string, file: string, prefix = "/"): string {
  const path = relative(directory, file).split(sep).join("/");
  return prefix + path.replace(/(^|\/)index\.html$/u, "$1");
}

export function parseHtml(file: string) {
  return parseDocument(readFileSync(file, "utf8"));
}

/** Every address an HTML page refers to (srcset candidates included), resolved against the page. */
export function referencesOf(directory: string, file: string, prefix = "/"): Reference[] {
  const page = `${ORIGIN}${urlOf(directory, file, prefix)}`;
  const urls: string[] = [];
  for (const element of DomUtils.findAll(() => true, parseHtml(file).children)) {
    for (const name of URL_ATTRIBUTES) if (element.attribs[name] !== undefined) urls.push(element.attribs[name]);
    const srcset = element.attribs.srcset;
    if (srcset) urls.push(...srcset.split(",").map((candidate) => candidate.trim().split(/\s+/u)[0]!));
  }
  return urls.map((url) => ({ from: file, url: new URL(url, page).href }));
}

/** Every `url(…)` of a stylesheet, resolved against it. */
export function stylesheetReferences(directory: string, file: string, prefix = "/"): Reference[] {
  const sheet = `${ORIGIN}${urlOf(directory, file, prefix)}`;
  const css = readFileSync(file, "utf8");
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gu)].map((match) => ({ from: file, url: new URL(match[2]!, sheet).href }));
}

/** The file an address of the site is served from, or why there is none. */
export function fileFor(directory: string, url: string, prefix = "/"): { file?: string; problem?: string } {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(prefix)) return { problem: `outside the path prefix ${prefix}` };
  let file = join(directory, decodeURIComponent(pathname.slice(prefix.length)));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  return existsSync(file) ? { file } : { problem: "no such file" };
}

/**
 * The web fonts' stylesheet is written into the site by the print edition's build (the scale
 * branch's font subsetting); until that is merged a site may lack it, and only then is a link to it
 * not counted as broken.
 */
const FONTS_STYLESHEET = "fonts/fonts.css";

/** Internal references (HTML and CSS) that do not resolve to a file, or to an id in their page. */
export function brokenReferences(directory: string, prefix = "/"): string[] {
  const fontsPending = !existsSync(join(directory, FONTS_STYLESHEET));
  const references = [
    ...filesOf(directory, ".html").flatMap((file) => referencesOf(directory, file, prefix)),
    ...filesOf(directory, ".css").flatMap((file) => stylesheetReferences(directory, file, prefix)),
  ];
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  for (const { from, url } of references) {
    if (!url.startsWith(`${ORIGIN}/`)) continue; // another site, mailto:, data: …
    const { file, problem } = fileFor(directory, url, prefix);
    const where = `${relative(directory, from)} → ${url.slice(ORIGIN.length)}`;
    if (!file) {
      if (!(fontsPending && url.endsWith(`${prefix}${FONTS_STYLESHEET}`))) broken.push(`${where}: ${problem}`);
      continue;
    }
    const fragment = decodeURIComponent(new URL(url).hash.slice(1));
    if (fragment && file.endsWith(".html")) {
      if (!ids.has(file)) ids.set(file, new Set(DomUtils.findAll((element) => element.attribs.id !== undefined, parseHtml(file).children).map((element) => element.attribs.id!)));
      if (!ids.get(file)!.has(fragment)) broken.push(`${where}: no element with id "${fragment}"`);
    }
  }
  return broken;
}

/** The number of internal references checked, to make sure the check saw something. */
export function internalReferenceCount(directory: string, prefix = "/"): number {
  return filesOf(directory, ".html").flatMap((file) => referencesOf(directory, file, prefix)).filter(({ url }) => url.startsWith(`${ORIGIN}/`)).length;
}
