// Build a digest into a fresh temporary folder with the real build command, for tests to inspect.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface BuiltSite {
  directory: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Build into a fresh folder, or into `out` (where a site may be already). */
export async function buildSite(options: { sources?: string; args?: string[]; env?: Record<string, string>; out?: string } = {}): Promise<BuiltSite> {
  const directory = options.out ?? join(mkdtempSync(join(tmpdir(), "broadsheet-site-")), "_site");
  const args = [resolve("scripts/run.mjs"), "scripts/build.mts", "--out", directory, ...(options.sources ? ["--sources", options.sources] : []), ...(options.args ?? [])];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 });
    return { directory, stdout, stderr, exitCode: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { directory, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "", exitCode: failed.code ?? 1 };
  }
}
