import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { reflow } from "../reflow/index.ts";
import type { Decision, Edition, EditionMeta } from "../types.ts";
import { decodeSource } from "./decode.ts";
import { SourceError } from "./errors.ts";
import { readMeta } from "./sidecar.ts";
import { slugFor, uniqueSlugs } from "./slug.ts";

export interface LoadedEdition {
  edition: Edition;
  decisions: Decision[];
  /** Things an editor should know that did not stop the source (e.g. decoded as GB18030). */
  notices: string[];
}

export interface Digest {
  /** Newest first, then by page number. */
  editions: Edition[];
  problems: SourceError[];
  notices: string[];
}

/** The sidecar files that go with a source `NAME.txt`. */
export function sidecarPaths(sourceFile: string): { meta: string; corrections: string } {
  const stem = sourceFile.replace(/\.txt$/iu, "");
  return { meta: `${stem}.meta.yaml`, corrections: `${stem}.corrections.yaml` };
}

export interface LoadOptions {
  slug?: string;
  /** Without a sidecar, reflow anyway with empty metadata (the reflow command) instead of failing (the site). */
  allowMissingMeta?: boolean;
}

/** Read, decode and reflow one source page with its sidecar. */
export function loadEdition(file: string, options: LoadOptions = {}): LoadedEdition {
  const stem = basename(file).replace(/\.txt$/iu, "");
  const decoded = decodeSource(readFileSync(file), file);
  const notices = decoded.encoding === "utf-8" ? [] : [`${file}: not UTF-8; decoded as GB18030`];
  const { meta: metaFile } = sidecarPaths(file);
  let meta: EditionMeta;
  if (existsSync(metaFile)) meta = readMeta(metaFile);
  else if (options.allowMissingMeta) {
    meta = { publication: "", date: "", page: stem };
    notices.push(`${file}: no sidecar ${basename(metaFile)}; publication and date left empty`);
  } else throw new SourceError(file, `no sidecar ${basename(metaFile)} with its publication, date and page`);
  const slug = options.slug ?? slugFor(stem);
  const result = reflow(decoded.text, { source: file });
  if (result.stories.length === 0) throw new SourceError(file, "no stories found in this page");
  return {
    edition: { source: basename(file), slug, meta, stories: result.stories, credits: result.credits },
    decisions: result.decisions,
    notices,
  };
}

/** Every `*.txt` source in a folder; a bad source is reported and left out, the rest still load. */
export function loadDigest(directory: string): Digest {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    return { editions: [], problems: [new SourceError(directory, "the sources folder does not exist")], notices: [] };
  }
  const files = readdirSync(directory)
    .filter((name) => /\.txt$/iu.test(name))
    .sort();
  const slugs = uniqueSlugs(files.map((name) => slugFor(name.replace(/\.txt$/iu, ""))));
  const digest: Digest = { editions: [], problems: [], notices: [] };
  files.forEach((name, k) => {
    try {
      const loaded = loadEdition(join(directory, name), { slug: slugs[k]! });
      digest.editions.push(loaded.edition);
      digest.notices.push(...loaded.notices);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      digest.problems.push(error);
    }
  });
  digest.editions.sort((a, b) => b.meta.date.localeCompare(a.meta.date) || (a.meta.pageNumber ?? 0) - (b.meta.pageNumber ?? 0));
  return digest;
}
