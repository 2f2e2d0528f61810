// The generated corpus: reproducible, its gold faithful to its text, covering every genre and layout
// feature of issue 8; and the reflow, whatever its accuracy, never loses or adds a character on it.
import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import type { ReflowResult } from "../../src/types.ts";
import { generateCorpus, generatePage } from "./corpus/index.ts";

const corpus = generateCorpus(1, 240);

function characters(texts: (string | undefined)[]): string {
  return [...texts.join("").replace(/\s+/gu, "")].sort().join("");
}

function editionCharacters(edition: Pick<ReflowResult, "stories" | "credits">): string {
  return characters([...edition.credits, ...edition.stories.flatMap((s) => [s.kicker, s.title, s.subtitle, s.byline, s.authorNote, ...s.blocks.map((b) => b.text)])]);
}

describe("generated corpus", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(generatePage(1, 7)).toEqual(corpus[7]);
    expect(generatePage(2, 7).text).not.toEqual(corpus[7]!.text);
  });

  it("has gold holding every character of its page exactly once", () => {
    for (const page of corpus) expect(editionCharacters({ stories: page.gold.stories.map((s) => ({ ...s, id: "" })), credits: page.gold.credits }), page.name).toBe(characters([page.text]));
  });

  it("covers every genre and the layout features of the issue", () => {
    const genres = new Set(corpus.flatMap((page) => page.genres));
    expect([...genres].sort()).toEqual(["commentary", "interview", "lead", "news", "photo", "theory"]);
    const features = new Set(corpus.flatMap((page) => page.features));
    for (const feature of ["dateline-bracket", "dateline-reported", "dateline-bare", "dateline-wire", "no-byline", "two-line-title", "spaced-title", "title-pair", "kicker", "deck", "column-label", "byline-two-lines", "byline-split", "byline-signature", "interview-labels", "numbered-headings", "wrapped-heading", "caption-reporter", "caption-paren", "caption-supplied", "caption-no-stop", "jump-line", "folio-top", "folio-bottom", "production-credit", "heads-mixed", "heads-mostlyAfter", "varied-widths", "author-note"]) {
      expect(features, feature).toContain(feature);
    }
  });

  it("keeps focused pages plain but for their one feature", () => {
    const plainDefaults = ["byline-box", "caption-reporter", "no-byline", "numbered-headings", "interview-labels", "kicker", "deck"];
    const focused = corpus.filter((page) => page.focus);
    expect(focused.length).toBe(corpus.length / 2);
    for (const page of focused) expect(page.features.filter((f) => f !== page.focus && !plainDefaults.includes(f)), page.name).toEqual([]);
    expect(focused.filter((page) => page.focus === "plain" || page.features.includes(page.focus!)).length).toBeGreaterThan(focused.length * 0.95);
  });

  it("names in authors and photographers only people printed in the story's byline, first block or captions", () => {
    for (const page of corpus) {
      for (const story of page.gold.stories) {
        const printed = [story.byline ?? "", story.blocks[0]!.text, story.blocks[1]?.text ?? "", ...story.blocks.filter((b) => b.type === "caption").map((b) => b.text)].join("").replace(/\s+/gu, "");
        for (const person of [...story.authors, ...(story.photographers ?? [])]) expect(printed, `${page.name}: ${person}`).toContain(person);
        if (story.byline && !/^(□|文\/|本报记者)/u.test(story.byline) && story.byline.replace(/\s+/gu, "") !== story.authors[0]) expect(story.byline.split(" ").length, page.name).toBeGreaterThan(1);
      }
    }
  });

  it("puts an inline dateline's reporters in authors and leaves the dateline in the first paragraph", () => {
    const stories = corpus.flatMap((page) => page.gold.stories).filter((story) => story.blocks[0]?.text.startsWith("本报讯（记者"));
    expect(stories.length).toBeGreaterThan(10);
    for (const story of stories) {
      expect(story.byline).toBeUndefined();
      expect(story.authors.length).toBeGreaterThan(0);
      for (const author of story.authors) expect(story.blocks[0]!.text).toContain(author);
    }
  });
});

describe("reflow on the corpus", () => {
  // exactness is what the bench measures; here only what must always hold
  it.each(corpus.filter((_, i) => i % 4 === 0).map((page) => [page.name, page] as const))("conserves every character of %s", (_, page) => {
    expect(editionCharacters(reflow(page.text))).toBe(characters([page.text]));
  });
});
