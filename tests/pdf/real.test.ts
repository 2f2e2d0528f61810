// The real front page beside the project (../shared/real, never copied in): read from its PDF, it
// must score at least 0.95 against its hand-made gold with the shared scorer. Skipped where absent.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { readPdfFile } from "../../src/pdf/read.ts";
import { reflowPdfPage } from "../../src/pdf/index.ts";

const REAL = resolve("../shared/real/cnooc_press_20241016_p01");
const SCORER = resolve("../shared/tools/score.py");
const present = [".pdf", ".gold.json", ".txt"].every((ending) => existsSync(REAL + ending)) && existsSync(SCORER);

test.skipIf(!present)("the real front page read from its PDF scores at least 0.95 against its gold", async () => {
  const [page] = await readPdfFile(`${REAL}.pdf`);
  const { stories, credits } = reflowPdfPage(page!);
  const folder = mkdtempSync(join(tmpdir(), "broadsheet-real-"));
  try {
    writeFileSync(join(folder, "out.json"), JSON.stringify({ stories, credits }));
    const figures = JSON.parse(execFileSync("python3", [SCORER, `${REAL}.gold.json`, join(folder, "out.json"), `${REAL}.txt`, "--json"], { encoding: "utf8" }));
    expect(figures.lost + figures.added).toBe(0);
    expect(figures.score).toBeGreaterThanOrEqual(0.95);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 60_000);
