// The README's corrections example is the one editors copy: it must work on the page it names.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadEdition } from "../../src/edition/load.ts";
import { sampleMeta, samplePage, sourcesFolder } from "./fixtures.ts";

it("the README's corrections example applies cleanly to the sample page it names", () => {
  const readme = readFileSync("README.md", "utf8");
  const example = /`sources\/004_10557e53f7c4e785\.corrections\.yaml` could read:\n\n```yaml\n([\s\S]*?)```/u.exec(readme)?.[1];
  expect(example).toBeDefined();
  const folder = sourcesFolder({ "p.txt": samplePage, "p.meta.yaml": sampleMeta, "p.corrections.yaml": example! });
  const loaded = loadEdition(join(folder, "p.txt"));
  expect(loaded.corrections).toBe(4);
  expect(loaded.edition.meta.page).toBe("机关建设（修订）");
});
