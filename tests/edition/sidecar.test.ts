import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readMeta } from "../../src/edition/sidecar.ts";
import { encodeGb18030, sourceError, sourcesFolder } from "./fixtures.ts";

const GOOD = "publication: 人民政协报\ndate: 2025-06-30\npage: 机关建设\npageNumber: 4\n";

function readSidecar(content: string | Uint8Array) {
  return readMeta(join(sourcesFolder({ "p.meta.yaml": content }), "p.meta.yaml"));
}

/** The error as an editor reads it, with the temporary folder left out. */
const message = (content: string): string => String(sourceError(() => readSidecar(content))).replace(/^.*p\.meta\.yaml/u, "p.meta.yaml");

describe("the sidecar NAME.meta.yaml", () => {
  it("reads publication, date, page, page number and description", () => {
    expect(readSidecar(`${GOOD}description: 四篇文章\n`).meta).toEqual({
      publication: "人民政协报",
      date: "2025-06-30",
      page: "机关建设",
      pageNumber: 4,
      description: "四篇文章",
    });
  });

  it("takes a page written as a number as text, and a GBK sidecar with a notice", () => {
    expect(readSidecar("publication: 报\ndate: '2025-06-30'\npage: 4\n").meta.page).toBe("4");
    const gbk = readSidecar(encodeGb18030(GOOD));
    expect(gbk.meta.publication).toBe("人民政协报");
    expect(gbk.notices).toEqual([expect.stringMatching(/p\.meta\.yaml: not UTF-8; decoded as GB18030/u)]);
  });

  it("keeps text exactly as written, even when YAML would read it as a number", () => {
    const meta = readSidecar("publication: 0x1F\ndate: 2025-06-30\npage: 08\ndescription: 1.20\npageNumber: 04\n").meta;
    expect(meta).toEqual({ publication: "0x1F", date: "2025-06-30", page: "08", description: "1.20", pageNumber: 4 });
    expect(readSidecar("publication: .inf\ndate: 2025-06-30\npage: true\n").meta).toMatchObject({ publication: ".inf", page: "true" });
  });

  it.each([
    ["a YAML syntax error, with its line", "publication: 报\ndate: [2025-06-30\npage: 版\n", /^p\.meta\.yaml:[23]: not valid YAML: /u],
    ["a key given twice", "publication: 报\ndate: 2025-06-30\npage: 版\npage: 版\n", /^p\.meta\.yaml:4: not valid YAML: Map keys must be unique/u],
    ["an unknown key, with a suggestion", `${GOOD}page_number: 4\n`, /^p\.meta\.yaml:5: unknown key `page_number` \(did you mean `pageNumber`\?\)/u],
    ["a missing key", "publication: 报\npage: 版\n", /^p\.meta\.yaml: `date` is missing: add a line `date: 2025-06-30`$/u],
    ["an empty value", "publication: 报\ndate:\npage: 版\n", /^p\.meta\.yaml:2: `date` is empty/u],
    ["a date in another format", "publication: 报\ndate: 2025/6/30\npage: 版\n", /^p\.meta\.yaml:2: `date` should be a real date written YYYY-MM-DD .*not "2025\/6\/30"/u],
    ["a date that does not exist", "publication: 报\ndate: 2022-02-30\npage: 版\n", /^p\.meta\.yaml:2: `date` should be a real date/u],
    ["a page number that is not a whole number", "publication: 报\ndate: 2025-06-30\npage: 版\npageNumber: 四\n", /^p\.meta\.yaml:4: `pageNumber` should be a whole number from 1, not "四"/u],
    ["text given as a list", "publication: [报]\ndate: 2025-06-30\npage: 版\n", /^p\.meta\.yaml:1: `publication` should be text/u],
    ["a list instead of keys", "- publication: 报\n", /^p\.meta\.yaml:1: the sidecar should be keys such as/u],
    ["an empty sidecar", "# nothing yet\n", /^p\.meta\.yaml:1: the sidecar is empty/u],
    ["nesting deeper than the parser's stack", `publication: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, /^p\.meta\.yaml:1: not valid YAML: Maximum call stack size exceeded$/u],
    ["a sidecar far too large", `description: "${"长".repeat(100_000)}"\n`, /^p\.meta\.yaml: the file is 293 KB, more than the 256 KB allowed for a sidecar \(a few lines\): is it the right file\?$/u],
    ["a key named after a member of every object", `${GOOD}toString: x\n`, /^p\.meta\.yaml:5: unknown key `toString`/u],
    ["`constructor` as a key", `${GOOD}constructor: x\n`, /^p\.meta\.yaml:5: unknown key `constructor`/u],
    ["`__proto__` as a key", `${GOOD}__proto__: {publication: 假}\n`, /^p\.meta\.yaml:5: unknown key `__proto__`/u],
    ["the year 0", "publication: 报\ndate: 0000-01-01\npage: 版\n", /^p\.meta\.yaml:2: `date` should be a real date .*from 1800 to next year/u],
    ["a year far ahead", "publication: 报\ndate: 9999-12-31\npage: 版\n", /^p\.meta\.yaml:2: `date` should be a real date/u],
    ["a page number written as a decimal", `${GOOD.replace("pageNumber: 4", "pageNumber: 4.0")}`, /^p\.meta\.yaml:4: `pageNumber` should be a whole number from 1, not "4\.0"/u],
    [
      "aliases that expand without bound (billion laughs)",
      `${GOOD}description: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
      /^p\.meta\.yaml:6: cannot be read: aliases \(`\*name`\) that expand into far too much data/u,
    ],
  ])("refuses %s", (_, content, expected) => {
    expect(message(content)).toMatch(expected);
  });
});
