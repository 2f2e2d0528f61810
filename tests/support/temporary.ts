// vitest's global setup: each test run's temporary files in one folder of its own, removed when the
// run ends. The tests make hundreds of folders (sources, sites, caches) and Chromium its profiles;
// a run stopped halfway, or a test that fails before its clean-up, left them behind in /tmp.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "broadsheet-tests-"));
  chmodSync(folder, 0o1777); // as /tmp is: a test runs the build as another user
  process.env.TMPDIR = folder; // os.tmpdir() in the test processes, and in every process they start
  return () => rmSync(folder, { recursive: true, force: true });
}
