// npm run reflow -- [--out DIR] [--explain] [--strict] FILE...
// Reflows each source page, NAME.txt or each page of NAME.pdf (with its sidecar and corrections,
// when they are there), into DIR/NAME.json: an edition with stories, credits, source, slug and meta.
import { closeSync, constants, mkdirSync, openSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SourceError, displayPath } from "../src/edition/errors.ts";
import { loadEdition, sidecarPaths } from "../src/edition/load.ts";
import { PDF_SOURCE, pdfCorrectionsPath, sourceEntries } from "../src/pdf/source.ts";
import type { Decision } from "../src/types.ts";

const USAGE = "usage: npm run reflow -- [--out DIR] [--explain] [--strict] FILE...";

/** A link planted at the output's name is not followed: it would overwrite whatever it points to. */
function writeEdition(target: string, json: string): void {
  let descriptor: number;
  try {
    descriptor = openSync(target, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw new Error(`${target} is a symbolic link; not written through it`);
    throw error;
  }
  try {
    writeFileSync(descriptor, json);
  } finally {
    closeSync(descriptor);
  }
}

/** Decisions the reflow was less sure of than this are the ones an editor should look at. */
const CHECK_BELOW = 0.8;

const HOW_TO_FIX = `To fix a wrong decision, add to the page's NAME.corrections.yaml (see the README, "Adding a page and correcting the reflow"):
  a paragraph break that should not be there   - join: {after: "last words of the first paragraph"}
  a paragraph break that is missing            - split: {before: "first words of the new paragraph"}
  a story that should start at a line          - new-story: "words of its headline"
  a story that is part of the one before       - merge: "words of its title"
  a heading or byline given to the wrong story - title: / byline: {text: "…", story: "words of the story's title"}
  a line of the wrong kind                     - subheading: / caption: / paragraph: "words of the line"`;

/**
 * Every page-level decision (of the text reflow's page model: title or heading, which side a head
 * takes, which head a body goes to; of a PDF page's geometry: which headline a block was given to)
 * and any other decision below CHECK_BELOW, the closest calls (lowest confidence, from the margin
 * between the best reading and its best rival) first.
 */
function explain(file: string, decisions: readonly Decision[], pdfPage?: { stem: string; page: number }): boolean {
  const pageLevel = (decision: Decision) => pdfPage !== undefined || decision.pass === "read";
  const listed = decisions.filter((decision) => pageLevel(decision) || decision.confidence < CHECK_BELOW).sort((a, b) => a.confidence - b.confidence || a.line - b.line);
  const doubtful = listed.filter((decision) => decision.confidence < CHECK_BELOW);
  const corrections = displayPath(pdfPage ? pdfCorrectionsPath(file, pdfPage.stem) : sidecarPaths(file).corrections);
  console.log(`${displayPath(file)}${pdfPage ? ` page ${pdfPage.page}` : ""}: ${doubtful.length} decision(s) to check${doubtful.length > 0 ? `; corrections go in ${corrections}` : ""}`);
  console.log(`  with every page-level decision (${listed.length - doubtful.length} more), the closest calls first:`);
  for (const decision of listed) {
    console.log(`  line ${decision.line} [${decision.pass}, confidence ${decision.confidence.toFixed(2)}] ${decision.message}`);
    console.log(`    ${decision.context}`);
  }
  return doubtful.length > 0;
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: "string", default: "out" },
        explain: { type: "boolean", default: false },
        strict: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    mkdirSync(values.out, { recursive: true });
  } catch (error) {
    console.error(`cannot create the output folder ${values.out}: ${(error as Error).message}`);
    return 1;
  }
  let failures = 0;
  let explained = false;
  const written = new Map<string, string>();
  // a PDF of several pages is several editions, NAME-p1.json, NAME-p2.json…
  const sources = positionals.flatMap((file) => (PDF_SOURCE.test(file) ? sourceEntries(dirname(file), [basename(file)], PDF_SOURCE).map(({ stem, page }) => ({ file, stem, page })) : [{ file, stem: basename(file).replace(/\.txt$/iu, ""), page: undefined as number | undefined }]));
  for (const { file, stem, page } of sources) {
    try {
      const target = join(values.out, `${stem}.json`);
      const earlier = written.get(resolve(target));
      if (earlier) throw new SourceError(file, `has the same name as ${earlier}; both would be written to ${target}: reflow them in separate runs`);
      const { edition, decisions, notices, corrections } = loadEdition(file, { allowMissingMeta: true, allowUntitled: true, stem, page });
      notices.forEach((notice) => console.error(notice));
      writeEdition(target, `${JSON.stringify(edition, null, 2)}\n`);
      written.set(resolve(target), file);
      const corrected = corrections > 0 ? `, ${corrections} correction(s) applied` : "";
      console.error(`${displayPath(file)} → ${target}: ${edition.stories.length} stories${corrected}`);
      if (values.explain) explained = explain(file, decisions, page === undefined ? undefined : { stem, page }) || explained;
    } catch (error) {
      if (!(error instanceof SourceError)) {
        // writing the output failed (full disk, permissions): nothing to do with the page itself
        console.error(`${displayPath(file)}: ${(error as Error).message}`);
      } else console.error(String(error));
      failures++;
      if (values.strict) return 1;
    }
  }
  if (explained) console.log(`\n${HOW_TO_FIX}`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
