import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignSlugs, slugFor } from "../../src/edition/slug.ts";

const URL_SAFE = /^[a-z0-9][a-z0-9_-]*$/u;

describe("slugFor", () => {
  it("keeps plain ASCII names as they are, lower-cased", () => {
    expect(slugFor("000_0e00348c40e7e77d")).toBe("000_0e00348c40e7e77d");
    expect(slugFor("Page-4")).toBe("page-4");
  });

  it("folds spaces, dots, `..`, full-width and accented letters, and adds the name's hash", () => {
    expect(slugFor("page 4 final")).toMatch(/^page-4-final-[0-9a-f]{8}$/u);
    expect(slugFor("../../etc/passwd")).toMatch(/^etc-passwd-[0-9a-f]{8}$/u);
    expect(slugFor("a..b")).toMatch(/^a-b-[0-9a-f]{8}$/u);
    expect(slugFor("ｐａｇｅ４")).toMatch(/^page4-[0-9a-f]{8}$/u);
    expect(slugFor("café")).toMatch(/^cafe-[0-9a-f]{8}$/u);
  });

  it("gives names with nothing ASCII a hash, different for different names", () => {
    expect(slugFor("第4版 机关建设")).toMatch(/^4-[0-9a-f]{8}$/u);
    expect(slugFor("机关建设")).toMatch(/^[0-9a-f]{8}$/u);
    expect(slugFor("机关建设")).not.toBe(slugFor("机关建设二"));
  });

  it("is URL-safe and bounded for any name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (name) => {
        const slug = slugFor(name);
        expect(slug).toMatch(URL_SAFE);
        expect(slug.length).toBeLessThanOrEqual(69);
      }),
    );
  });
});

describe("assignSlugs", () => {
  it("keeps a plain slug for the name that spells it and hashes the others that fold to it", () => {
    const [lower, upper, spaced] = assignSlugs(["page", "PAGE", "page "]);
    expect(lower).toBe("page");
    expect(upper).toMatch(/^page-[0-9a-f]{8}$/u);
    expect(spaced).toMatch(/^page-[0-9a-f]{8}$/u);
    expect(new Set([lower, upper, spaced]).size).toBe(3);
  });

  it("gives every name the same slug whatever the order and whatever other files exist", () => {
    const names = ["Page", "page", "第4版", "第4版 ", "a..b", "a b"];
    const slugs = new Map(names.map((name, i) => [name, assignSlugs(names)[i]]));
    const shuffled = [...names].reverse();
    expect(new Map(shuffled.map((name, i) => [name, assignSlugs(shuffled)[i]]))).toEqual(slugs);
    expect(assignSlugs(["page", "other"])[0]).toBe(slugs.get("page"));
  });

  it("makes unique, URL-safe slugs for any set of names", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("a", "A", "a ", "a.", "a-1", "机关")), { maxLength: 12 }), (names) => {
        const slugs = assignSlugs(names);
        expect(new Set(slugs).size).toBe(names.length);
        for (const slug of slugs) expect(slug).toMatch(URL_SAFE);
      }),
    );
  });
});
