import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BLOCK_STOP_PATTERN, UNSPACE_PATTERN, indexableHtml, spaceWords, tidyExcerpt } from "../../src/site/segment.ts";

const browserSegments = (text: string) =>
  [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

describe("spaceWords (the text the search index holds)", () => {
  it("puts a space between Chinese words and around Chinese punctuation", () => {
    expect(spaceWords("会上，徐勇、李小宏作交流发言")).toBe("会 上 ， 徐 勇 、 李 小 宏 作 交流 发言");
  });

  it("splits exactly where the browser splits a query, so every word typed is a word indexed", () => {
    const text = "广安市政协机关以实干担当书写履职答卷，学以致用、凝聚共识";
    const indexed = spaceWords(text).split(" ").filter((word) => /\p{L}/u.test(word));
    expect(indexed).toEqual(browserSegments(text));
  });

  it("leaves Latin words, numbers and entities whole", () => {
    expect(spaceWords("2024年以来 New York &amp; TV")).toBe("2024 年以来 New York &amp; TV");
  });

  it("adds nothing but spaces", () => {
    const text = "“扎实推进政治机关、模范机关建设。”今年，在广安市政协六届四次会议闭幕会上……";
    expect(spaceWords(text).replaceAll(" ", "")).toBe(text);
  });
});

describe("indexableHtml (the copy of a page Pagefind reads)", () => {
  it("changes text only, never tags, attributes or scripts", () => {
    const html = '<a href="/authors/徐勇/" data-person="徐勇">徐勇</a><script type="application/ld+json">{"a":"徐勇"}</script><p>机关建设</p>';
    expect(indexableHtml(html)).toBe('<a href="/authors/徐勇/" data-person="徐勇">徐 勇</a><script type="application/ld+json">{"a":"徐勇"}</script><p>机关 建设</p>');
  });

  it("escapes text once more, so that Pagefind, which decodes it once, keeps it escaped", () => {
    expect(indexableHtml("<p>正文&lt;img onerror=x&gt; &amp;amp;</p>")).toBe("<p>正文 &amp;lt;img onerror=x&amp;gt; &amp;amp;amp;</p>");
  });
});

describe("tidyExcerpt (what the search page shows)", () => {
  it("spaces a long paragraph clause by clause exactly as ICU spaces it whole", () => {
    const whole = (text: string) => {
      const wide = /[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF]/u;
      let out = "";
      let previous = "";
      for (const { segment } of new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(text)) {
        const [before, after] = [previous.at(-1) ?? "", segment[0] ?? ""];
        out += before !== "" && !/\s/u.test(before) && !/\s/u.test(after) && (wide.test(before) || wide.test(after)) ? ` ${segment}` : segment;
        previous = segment;
      }
      return out;
    };
    const text = `${readFileSync("sources/004_10557e53f7c4e785.txt", "utf8")}会上，\u0301徐勇、\u200d李小宏。abc，def。\uFEFF你好；A·B：“引号”！`;
    expect(spaceWords(text)).toBe(whole(text));
  });

  it("undoes the spacing, marks of a hit included, and turns Pagefind's block stops into wide spaces", () => {
    const excerpt = "进一步 发挥 作用. 副 主委 <mark>徐</mark> <mark>勇.</mark> 作为 人民 政协 、 李 小 宏 。";
    expect(tidyExcerpt(excerpt)).toBe("进一步发挥作用　副主委<mark>徐</mark><mark>勇</mark>　作为人民政协、李小宏。");
  });

  it("keeps the spaces of Latin text", () => {
    expect(tidyExcerpt("New York 2024")).toBe("New York 2024");
  });

  it("uses the same patterns as the search page's script", () => {
    const script = readFileSync("src/site/assets/search.js", "utf8");
    expect(script).toContain(`var BLOCK_STOP = ${BLOCK_STOP_PATTERN.toString()};`);
    expect(script).toContain(`var UNSPACE = ${UNSPACE_PATTERN.toString()};`);
  });
});
