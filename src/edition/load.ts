import { lstatSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { PDF_SOURCE, pdfCorrectionsPath, pdfPageMeta, pdfSourceName, readPdfPage, sourceEntries } from "../pdf/source.ts";
import { cachedLoad } from "../cache.ts";
import { reflow } from "../reflow/index.ts";
import type { Decision, Edition, EditionMeta } from "../types.ts";
import { compareCharacters } from "./conservation.ts";
import { readCorrections } from "./corrections-file.ts";
import { applyCorrections } from "./corrections.ts";
import { readTextFile } from "./decode.ts";
import { SourceError, displayPath } from "./errors.ts";
import { quote } from "./phrases.ts";
import { readMeta } from "./sidecar.ts";
import { assignSlugs, slugFor } from "./slug.ts";

export interface LoadedEdition {
  edition: Edition;
  decisions: Decision[];
  /** Things an editor should know that did not stop the source (e.g. decoded as GB18030). */
  notices: string[];
  /** How many corrections from `NAME.corrections.yaml` were applied. */
  corrections: number;
}

export interface Digest {
  /** Newest first, then by page number. */
  editions: Edition[];
  problems: SourceError[];
  notices: string[];
}

export const SOURCE = /\.(?:txt|pdf)$/iu;
const SIDECAR = /\.(?:meta|corrections)\.yaml$/iu;

/** The sidecar files that go with a source `NAME.txt` or `NAME.pdf`. */
export function sidecarPaths(sourceFile: string): { meta: string; corrections: string } {
  const stem = sourceFile.replace(SOURCE, "");
  return { meta: `${stem}.meta.yaml`, corrections: `${stem}.corrections.yaml` };
}

export interface LoadOptions {
  slug?: string;
  /** Without a sidecar, reflow anyway with empty metadata (the reflow command) instead of failing (the site). */
  allowMissingMeta?: boolean;
  /** A page where no headline was found is still written, with a notice (the reflow command), not left out (the site). */
  allowUntitled?: boolean;
  /** The page of a PDF source (1-based; default 1) and its edition's name (`NAME-p2` for page 2 of several). */
  page?: number;
  stem?: string;
}

/**
 * Read, decode and reflow one source page, then apply its sidecar and its editors' corrections.
 * Throws only SourceError: a failure inside Broadsheet on some page is reported like a bad page,
 * so that it names the file and the other pages still build.
 */
export function loadEdition(file: string, options: LoadOptions = {}): LoadedEdition {
  try {
    return readEdition(file, options);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SourceError(file, `Broadsheet failed on this page (${reason}): a bug in Broadsheet, not in the file; please report it with the file`, undefined, { cause: error });
  }
}

function readEdition(file: string, options: LoadOptions): LoadedEdition {
  const stem = options.stem ?? basename(file).replace(SOURCE, "");
  const pdf = PDF_SOURCE.test(file) ? readPdfPage(file, options.page) : undefined;
  const decoded = pdf ?? readTextFile(file);
  const notices = [...decoded.notices];
  const sidecars = pdf ? { ...sidecarPaths(file), corrections: pdfCorrectionsPath(file, stem) } : sidecarPaths(file);
  let meta: EditionMeta;
  if (present(sidecars.meta)) {
    const read = readMeta(sidecars.meta);
    meta = read.meta;
    notices.push(...read.notices);
  } else if (options.allowMissingMeta) {
    meta = { publication: "", date: "", page: stem };
    notices.push(`${displayPath(file)}: no sidecar ${basename(sidecars.meta)}; publication and date left empty`);
  } else {
    throw new SourceError(file, `no sidecar ${basename(sidecars.meta)} with its publication, date and page (see the README)`);
  }
  const corrections = present(sidecars.corrections) ? readCorrections(sidecars.corrections) : undefined;
  if (pdf) meta = pdfPageMeta(meta, options.page ?? 1, pdf.pages);
  const result = pdf ? pdf.result : reflow(decoded.text);
  let edition: Edition = {
    source: pdf ? pdfSourceName(file, options.page ?? 1, pdf.pages) : basename(file),
    slug: options.slug ?? slugFor(stem),
    meta: { ...meta, ...corrections?.meta },
    stories: result.stories,
    credits: result.credits,
  };
  if (corrections) {
    notices.push(...corrections.notices);
    edition = applyCorrections(edition, corrections.corrections, corrections.file);
  }
  checkConservation(decoded.text, edition, file);
  const untitled = untitledProblem(edition, file, basename(sidecars.corrections));
  if (untitled && !options.allowUntitled) throw untitled;
  if (untitled) notices.push(String(untitled));
  return { edition, decisions: result.decisions, notices, corrections: corrections?.corrections.length ?? 0 };
}

/** Whether a sidecar is there at all, a broken symbolic link included (reading it then says what is wrong). */
function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Text lost or doubled on the way is never published: the page is held back and the bug reported. */
function checkConservation(source: string, edition: Edition, file: string): void {
  const difference = compareCharacters(source, edition);
  if (!difference) return;
  const parts = [
    difference.missing && `lost ${[...difference.missing].length} character(s) ${quote(difference.missing, 20)}`,
    difference.extra && `added ${[...difference.extra].length} character(s) ${quote(difference.extra, 20)}`,
  ].filter(Boolean);
  throw new SourceError(file, `Broadsheet ${parts.join(" and ")} of this page: a bug in Broadsheet, not in the file; please report it with the file`);
}

/** A page where no headline was found is not a newspaper page, or one the reflow could not read. */
function untitledProblem(edition: Edition, file: string, correctionsName: string): SourceError | undefined {
  if (edition.stories.some((story) => story.title.trim() !== "")) return undefined;
  return new SourceError(
    file,
    `no headline recognised: the page's text would be published as one story without a title. If it is a newspaper page, name its headline in ${correctionsName} (\`- new-story: "…"\` or \`- title: "…"\`, see the README)`,
  );
}

export interface DigestOptions {
  /** Stop at the first bad source (the build's `--strict`). */
  strict?: boolean;
  /** Load only every `of`-th source, from the `index`-th (one worker's share: src/edition/warm.ts). */
  share?: { index: number; of: number };
}

/** Every `*.txt` and `*.pdf` source in a folder; a bad source is reported and left out, the rest still load. */
export function loadDigest(directory: string, options: DigestOptions = {}): Digest {
  const digest: Digest = { editions: [], problems: [], notices: [] };
  let names: string[];
  try {
    if (!statSync(directory).isDirectory()) throw new Error("not a folder");
    names = readdirSync(directory);
  } catch {
    digest.problems.push(new SourceError(directory, "the sources folder does not exist or cannot be read"));
    return digest;
  }
  // hidden files are the system's (`._page.txt` from macOS), not sources
  const hidden = (name: string) => name.startsWith(".");
  for (const name of names.filter((name) => hidden(name) && SOURCE.test(name))) digest.notices.push(`${displayPath(join(directory, name))}: a hidden file, not read as a source`);
  const sources = sourceEntries(directory, names.filter((name) => !hidden(name) && SOURCE.test(name)).sort(byCodePoint), SOURCE);
  const stems = sources.map((source) => source.stem);
  // a PDF of several pages reads its sidecar by the file's name, its pages' corrections by theirs
  const sidecarOwners = new Set([...stems, ...sources.map((source) => source.name.replace(SOURCE, ""))]);
  for (const name of names.filter((name) => !hidden(name) && SIDECAR.test(name))) {
    if (!sidecarOwners.has(name.replace(SIDECAR, ""))) digest.notices.push(`${displayPath(join(directory, name))}: no source ${name.replace(SIDECAR, ".txt")} beside this sidecar; it is not used`);
  }
  const slugs = assignSlugs(stems);
  for (const [k, { name, stem, page }] of sources.entries()) {
    if (options.share && k % options.share.of !== options.share.index) continue;
    try {
      const file = join(directory, name);
      const inputs = [file, ...Object.values(sidecarPaths(file)), ...(page === undefined ? [] : [pdfCorrectionsPath(file, stem)])];
      const loaded = cachedLoad(inputs, () => loadEdition(file, { slug: slugs[k]!, stem, page }), slugs[k]);
      digest.editions.push(loaded.edition);
      digest.notices.push(...loaded.notices);
    } catch (error) {
      // loadEdition throws nothing else
      digest.problems.push(error as SourceError);
      if (options.strict) break;
    }
  }
  digest.editions.sort((a, b) => b.meta.date.localeCompare(a.meta.date) || (a.meta.pageNumber ?? 0) - (b.meta.pageNumber ?? 0));
  return digest;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

let remembered: { key: string; digest: Digest } | undefined;

/** What a folder holds, as far as a digest goes: its files' names, sizes and times. */
function folderState(directory: string): string {
  try {
    return JSON.stringify(readdirSync(directory).sort(byCodePoint).map((name) => {
      // lstat: a broken link must not make every state alike ("unreadable"), nor a link's target count
      const stats = lstatSync(join(directory, name));
      return [name, stats.size, stats.mtimeMs];
    }));
  } catch {
    return "unreadable";
  }
}

/**
 * The digest of a folder, read once while its files stay as they were: the build checks it before
 * Eleventy runs and Eleventy's data then takes the same one, instead of reflowing every page twice.
 * `fresh` tells the caller whether this call read it (and so should report its notices).
 */
export function readDigest(directory: string, options: DigestOptions = {}): { digest: Digest; fresh: boolean } {
  const key = `${directory}\n${folderState(directory)}`;
  if (remembered?.key === key) return { digest: remembered.digest, fresh: false };
  const digest = loadDigest(directory, options);
  // a strict read that stopped early is not the whole digest
  remembered = options.strict && digest.problems.length > 0 ? undefined : { key, digest };
  return { digest, fresh: true };
}
