// npm run reflow -- [--out DIR] [--explain] [--strict] FILE...
// Reflows each source page into DIR/NAME.json (an edition: stories, credits, source, slug, meta).
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { SourceError } from "../src/edition/errors.ts";
import { loadEdition } from "../src/edition/load.ts";
import type { Decision } from "../src/types.ts";

const USAGE = "usage: npm run reflow -- [--out DIR] [--explain] [--strict] FILE...";

function explain(file: string, decisions: readonly Decision[]): void {
  console.log(`${file}: ${decisions.length} decision(s) to check`);
  for (const decision of decisions) {
    console.log(`  line ${decision.line} [${decision.pass}, confidence ${decision.confidence.toFixed(2)}] ${decision.message}`);
    console.log(`    ${decision.context}`);
  }
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
  mkdirSync(values.out, { recursive: true });
  let failures = 0;
  for (const file of positionals) {
    try {
      const { edition, decisions, notices } = loadEdition(file, { allowMissingMeta: true });
      notices.forEach((notice) => console.error(notice));
      const target = join(values.out, `${basename(file).replace(/\.txt$/iu, "")}.json`);
      writeFileSync(target, `${JSON.stringify(edition, null, 2)}\n`);
      console.error(`${file} → ${target}: ${edition.stories.length} stories`);
      if (values.explain) explain(file, decisions);
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      console.error(String(error));
      failures++;
      if (values.strict) return 1;
    }
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
