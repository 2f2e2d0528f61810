// Browser helpers for the site tests: the search page's own engine, and axe-core.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);

export interface Hit {
  url: string;
  title: string;
}

/**
 * Search with the Pagefind bundle the search page loaded (the same engine, index and query
 * segmentation as its UI), without waiting for the UI to draw each result list.
 */
export async function searchFrom(page: Page, query: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  // a string, so that the test runner's module transform leaves its import() alone
  const script = `(async ({ query, filters }) => {
    const { bundlePath, baseUrl } = document.getElementById("search").dataset;
    const pagefind = await import(bundlePath + "pagefind.js");
    await pagefind.options({ baseUrl });
    const shards = await (await fetch(bundlePath + "shards.json")).json();
    for (const shard of shards) await pagefind.mergeIndex(bundlePath + shard, { baseUrl });
    const { results } = await pagefind.search(query, { filters });
    const data = await Promise.all(results.map((result) => result.data()));
    return data.map((hit) => ({ url: hit.url, title: hit.meta.title }));
  })(${JSON.stringify({ query, filters })})`;
  return page.evaluate(script) as Promise<Hit[]>;
}

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const violations: Violation[] = await page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => node.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The messages of every dialog (alert, confirm, prompt) the page opens from now on, each dismissed. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}
