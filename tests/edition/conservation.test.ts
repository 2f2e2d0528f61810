import { describe, expect, it } from "vitest";
import { compareCharacters } from "../../src/edition/conservation.ts";

const edition = (...texts: string[]) => ({ credits: texts, stories: [] });

describe("compareCharacters", () => {
  it("finds nothing between the same characters in other places and other whitespace", () => {
    expect(compareCharacters("甲乙 丙\n丁\u3000𠀀", edition("丁丙", "乙\u00a0甲", "𠀀"))).toBeUndefined();
  });

  it("names what was lost and what was added, each as often as it was, astral characters whole", () => {
    expect(compareCharacters("甲甲乙𠀀𠀀", edition("甲", "乙乙𠀀"))).toEqual({ missing: "甲𠀀", extra: "乙" });
  });

  it("counts a zero-width no-break space and a lone surrogate as characters", () => {
    expect(compareCharacters("\ufeff甲\ud800", edition("甲"))).toEqual({ missing: "\ufeff\ud800", extra: "" });
  });

  it("leaves no count behind for the next comparison", () => {
    compareCharacters("甲甲", edition("乙"));
    expect(compareCharacters("甲", edition("甲"))).toBeUndefined();
  });
});
