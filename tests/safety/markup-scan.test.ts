// The escaping test is only as good as its scanner: it must see markup written out raw, and
// nothing in markup written out escaped.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scanHtml } from "./markup-scan.ts";

const fixture = readFileSync("tests/safety/fixtures/markup.txt", "utf8");
const escapeHtml = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;").replace(/'/gu, "&#39;");

describe("scanHtml", () => {
  it("finds every kind of markup in the fixture when it is written out raw", () => {
    const page = `<!doctype html><html><head><title>${fixture}</title></head><body><main>${fixture}</main><div title="${fixture}"></div></body></html>`;
    const found = scanHtml(page).violations.join("\n");
    for (const kind of ["an event handler", "a javascript: URL", "the fixture's image", "an element from the source", "a comment from the source", "the fixture's style", "a script from the source", "<iframe>"]) {
      expect(found).toContain(kind);
    }
  });

  it("finds a JSON-LD block that source text cut short", () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ headline: "<script>alert(1)</script>标题" })}</script>`;
    expect(scanHtml(jsonLd).violations).toEqual([expect.stringMatching(/not valid JSON/u)]);
  });

  it("finds nothing in the fixture escaped, in text, attributes and safe JSON-LD, and reads it back as it is", () => {
    const json = JSON.stringify({ headline: fixture }).replace(/</gu, "\\u003c");
    const page = `<main>${escapeHtml(fixture)}</main><div title="${escapeHtml(fixture)}"></div><script type="application/ld+json">${json}</script>`;
    const scanned = scanHtml(page);
    expect(scanned.violations).toEqual([]);
    expect(scanned.text).toBe(fixture);
    expect(scanned.attributes).toContain(fixture);
  });
});
