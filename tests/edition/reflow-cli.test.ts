// `npm run reflow`, run as editors run it.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Edition } from "../../src/types.ts";
import { sampleMeta, samplePage, sourcesFolder } from "./fixtures.ts";

const run = promisify(execFile);
/** tsx by its path: the command runs in a temporary folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;

async function reflowCommand(args: string[], cwd: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", TSX, resolve("scripts/reflow.ts"), ...args], { cwd });
    return { stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, exitCode: failed.code };
  }
}

describe("npm run reflow", () => {
  it("writes each page's edition and, with --explain, the decisions to check and how to correct them", async () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta, "p.corrections.yaml": "corrections:\n  - caption: 多措并举强队伍\n" });
    const result = await reflowCommand(["--out", "out", "--explain", "p.txt"], folder);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^p\.txt → out\/p\.json: 4 stories, 1 correction\(s\) applied$/mu);
    expect(result.stdout).toMatch(/^p\.txt: \d+ decision\(s\) to check; corrections go in p\.corrections\.yaml$/mu);
    expect(result.stdout).toMatch(/^ {2}line \d+ \[paragraphs, confidence 0\.\d\d\] /mu);
    expect(result.stdout).toMatch(/- join: \{after: "last words of the first paragraph"\}/u);
    const edition = JSON.parse(readFileSync(join(folder, "out/p.json"), "utf8")) as Edition;
    expect(edition.stories[3]!.blocks.some((block) => block.type === "caption" && block.text.startsWith("多措并举强队伍"))).toBe(true);
  });

  it("reports bad pages by name, goes on with the others, and exits non-zero", async () => {
    const folder = sourcesFolder({ "empty.txt": "", "p.txt": samplePage, "sub/p.txt": samplePage });
    const result = await reflowCommand(["--out", "out", "empty.txt", "p.txt", "sub/p.txt"], folder);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^empty\.txt: the file is empty$/mu);
    expect(result.stderr).toMatch(/^sub\/p\.txt: has the same name as p\.txt; both would be written to out\/p\.json/mu);
    expect(existsSync(join(folder, "out/p.json"))).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });

  it("refuses a source that is a link, and writes no output through a link planted at its name", async () => {
    const folder = sourcesFolder({ "p.txt": samplePage, "q.txt": samplePage, "secret.txt": "do not overwrite" });
    symlinkSync("/etc/hostname", join(folder, "link.txt"));
    mkdirSync(join(folder, "out"));
    symlinkSync(join(folder, "secret.txt"), join(folder, "out/q.json"));
    const result = await reflowCommand(["--out", "out", "link.txt", "p.txt", "q.txt"], folder);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^link\.txt: this is a symbolic link, not a regular file/mu);
    expect(result.stderr).toMatch(/^q\.txt: out\/q\.json is a symbolic link; not written through it$/mu);
    expect(readFileSync(join(folder, "secret.txt"), "utf8")).toBe("do not overwrite");
    expect(existsSync(join(folder, "out/p.json"))).toBe(true);
  });

  it("still writes a page where no headline was found, with a notice, since its text is all there", async () => {
    const folder = sourcesFolder({ "plain.txt": "The quick brown fox jumps over the lazy dog.\n".repeat(40) });
    const result = await reflowCommand(["--out", "out", "plain.txt"], folder);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^plain\.txt: no headline recognised/mu);
    expect(existsSync(join(folder, "out/plain.json"))).toBe(true);
  });

  it("stops at the first bad page with --strict, and explains its usage", async () => {
    const folder = sourcesFolder({ "empty.txt": "", "p.txt": samplePage });
    const strict = await reflowCommand(["--out", "out", "--strict", "empty.txt", "p.txt"], folder);
    expect(strict.exitCode).toBe(1);
    expect(existsSync(join(folder, "out/p.json"))).toBe(false);
    const usage = await reflowCommand(["--nonsense"], folder);
    expect(usage).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/usage: npm run reflow -- \[--out DIR\] \[--explain\] \[--strict\] FILE\.\.\./u) });
  });
});
