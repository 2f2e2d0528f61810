// Each Nunjucks template is compiled once per build (src/site/compiled.ts): the cached template must
// still render every page from its own data, permalinks included, and a partial edited between two
// builds must reach the pages that include it. A macro library is made once a build (`macros(path)`)
// and gives every page the same macros, edited ones in the next build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, describe, expect, it } from "vitest";
import compiledOnce from "../../src/site/compiled.ts";

const folder = mkdtempSync(join(tmpdir(), "broadsheet-compiled-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(join(folder, path, ".."), { recursive: true });
  writeFileSync(join(folder, path), text);
}

async function build() {
  const eleventy = new Eleventy(join(folder, "in"), join(folder, "out"), {
    quietMode: true,
    config: (config: { addPlugin(plugin: typeof compiledOnce): void }) => config.addPlugin(compiledOnce),
  });
  await eleventy.write();
  const page = (n: string) => readFileSync(join(folder, "out", n, "index.html"), "utf8").trim();
  return { a: page("a"), b: page("b"), c: page("c") };
}

/** The pages of the template that uses a macro library. */
const macroPages = () => ["a", "b", "c"].map((name) => readFileSync(join(folder, "out", `m-${name}`, "index.html"), "utf8").trim());


describe("Nunjucks compiled once per build", () => {
  it("renders each paginated page, and its permalink, from its own data", async () => {
    write("in/_data/items.json", JSON.stringify([{ name: "a", text: "<一>" }, { name: "b", text: "二" }, { name: "c", text: "三" }]));
    write("in/_includes/line.njk", "[{{ item.text }}]");
    write("in/page.njk", '---\npagination: { data: items, size: 1, alias: item }\npermalink: "/{{ item.name }}/"\n---\n{{ item.name }} {% include "line.njk" %}');
    expect(await build()).toEqual({ a: "a [&lt;一&gt;]", b: "b [二]", c: "c [三]" });
  });

  it("shows a partial edited between two builds", async () => {
    write("in/_includes/line.njk", "({{ item.text }})");
    expect((await build()).b).toBe("b (二)");
  });

  it("gives every page a macro library's macros, which see their arguments only, and an edited library in the next build", async () => {
    write("in/_includes/lib.njk", "{% macro show(entry) %}<b>{{ entry.name }}:{{ entry.text }}:{{ item.name }}</b>{% endmacro %}");
    write("in/macros.njk", '---\npagination: { data: items, size: 1, alias: item }\npermalink: "/m-{{ item.name }}/"\n---\n{%- set lib = macros("lib.njk") -%}{{ lib.show(item) }}');
    await build();
    expect(macroPages()).toEqual(["<b>a:&lt;一&gt;:</b>", "<b>b:二:</b>", "<b>c:三:</b>"]);
    write("in/_includes/lib.njk", "{% macro show(entry) %}{{ entry.name }}!{% endmacro %}");
    await build();
    expect(macroPages()).toEqual(["a!", "b!", "c!"]);
  });
});
