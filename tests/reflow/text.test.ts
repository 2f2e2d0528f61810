import { describe, expect, it } from "vitest";
import { characterCount, compactSpaces, displayWidth, endsSentence, hangingCodeWidth, innerSentenceStops, isParallelHeading, joinLines } from "../../src/reflow/text.ts";

describe("text facts", () => {
  it("measures Han characters as one em, Latin, digits and compressible punctuation as half", () => {
    expect(displayWidth("政协机关")).toBe(4);
    expect(displayWidth("AB角补位，")).toBe(1 + 3 + 0.5);
    expect(displayWidth("全 面 担 起")).toBe(4);
  });
  it("knows a sentence stop, also behind closing quotes, and a colon that introduces a paragraph", () => {
    expect(endsSentence("提升学习效果。")).toBe(true);
    expect(endsSentence("深有体会地说。”")).toBe(true);
    expect(endsSentence("编者按：")).toBe(true);
    expect(endsSentence("能学习提能，")).toBe(false);
    expect(endsSentence("留下了生动写照——")).toBe(false);
  });
  it("counts stops inside a text but not the final one", () => {
    expect(innerSentenceStops("落实第一议题，把稳思想之舵。")).toBe(0);
    expect(innerSentenceStops("“不以规矩，不能成方圆”。完善的制度体系是基石。")).toBe(1);
    // the final stops and the closing marks after them are not inside; closing marks alone end nothing
    expect(innerSentenceStops("他说：“好。走吧！”） \u3000")).toBe(1);
    expect(innerSentenceStops("好！好？……")).toBe(1);
    expect(innerSentenceStops("第一。第二）")).toBe(1);
  });
  it("removes justification spaces between Han characters but keeps them between Latin words", () => {
    expect(joinLines(["训 ，不 断 拓 宽", "视野，增强"])).toBe("训，不断拓宽视野，增强");
    expect(compactSpaces("强国 TV、读书 COVID 19")).toBe("强国TV、读书COVID 19");
  });
  it("counts characters as code points, a lone surrogate as one", () => {
    for (const text of ["", "政协", "𠀀a", "a\ud800b", "\udc00\ud800"]) expect(characterCount(text)).toBe([...text].length);
  });
  it("lets a final comma or stop hang, so it does not count towards a line's fullness", () => {
    expect(hangingCodeWidth("，".codePointAt(0)!)).toBe(0.5);
    expect(hangingCodeWidth("事".codePointAt(0)!)).toBe(0);
  });
  it("recognises headings of two balanced clauses", () => {
    expect(isParallelHeading("借力专题培训，赋能履职本领。")).toBe(true);
    expect(isParallelHeading("轮岗交流，实现向“源头活水”转变。")).toBe(false);
    expect(isParallelHeading("市政协机关干部雷颖颖深有体会地说。")).toBe(false);
  });
});
