import { describe, expect, it } from "vitest";
import { phrases } from "../../src/site/phrases.ts";

const joined = (text: string) => phrases(text).map((phrase) => phrase.words.join("") + phrase.space).join("");

describe("phrases", () => {
  it("splits a headline at its spaces, and each phrase into words", () => {
    const parts = phrases("当好一流参谋 做好一流“中枢”推进");
    expect(parts.map((phrase) => phrase.words.join(""))).toEqual(["当好一流参谋", "做好一流“中枢”推进"]);
    expect(parts[0]!.words.length).toBeGreaterThan(1);
    expect(parts[1]!.words).toContain("“中枢”"); // quotes keep to the word they enclose
  });

  it("never cuts a word: 办公室 stays whole", () => {
    expect(phrases("政协办公室工作").flatMap((phrase) => phrase.words)).toContain("办公室");
  });

  it("gives the text back unchanged, spaces included", () => {
    for (const text of ["", " ", "  前后  空格 ", "a  b\tc", "<b>粗</b> & “引号”", "一"]) expect(joined(text)).toBe(text);
  });
});
