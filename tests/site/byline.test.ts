import { describe, expect, it } from "vitest";
import { bylineParts } from "../../src/site/byline.ts";

const people = (parts: ReturnType<typeof bylineParts>) => parts.flatMap((part) => (part.kind === "person" ? [`${part.role}:${part.name}`] : []));
const text = (parts: ReturnType<typeof bylineParts>) => parts.map((part) => (part.kind === "person" ? part.name : part.text)).join("");

describe("bylineParts", () => {
  it("finds a name printed with padding and writes it without", () => {
    const parts = bylineParts("自治区政协副秘书长、民革宁夏区委会副主委 徐 勇", ["徐勇"]);
    expect(people(parts)).toEqual(["author:徐勇"]);
    expect(text(parts)).toBe("自治区政协副秘书长、民革宁夏区委会副主委 徐勇");
    expect(parts.at(-1)).toMatchObject({ kind: "person", url: "/authors/徐勇/" });
  });

  it("links writers and photographers in the order printed", () => {
    const parts = bylineParts("□文/杨森 梁寒 向璐 图/雷颖颖", ["杨森", "梁寒", "向璐"], ["雷颖颖"]);
    expect(people(parts)).toEqual(["author:杨森", "author:梁寒", "author:向璐", "photographer:雷颖颖"]);
    expect(text(parts)).toBe("□文/杨森 梁寒 向璐 图/雷颖颖");
  });

  it("finds a photographer printed before the writers", () => {
    const parts = bylineParts("图/雷颖颖 文/杨森", ["杨森"], ["雷颖颖"]);
    expect(people(parts)).toEqual(["photographer:雷颖颖", "author:杨森"]);
  });

  it("gives two people with overlapping names a link each", () => {
    expect(people(bylineParts("王玉 王玉标", ["王玉标", "王玉"]))).toEqual(["author:王玉", "author:王玉标"]);
    expect(people(bylineParts("王玉标 王玉", ["王玉", "王玉标"]))).toEqual(["author:王玉标", "author:王玉"]);
  });

  it("still links a person the byline does not spell out, after it", () => {
    const parts = bylineParts("本报记者", ["张三"]);
    expect(text(parts)).toBe("本报记者 张三");
    expect(people(parts)).toEqual(["author:张三"]);
  });

  it("takes names with characters that mean something in a regular expression literally", () => {
    expect(people(bylineParts("记者 A.B（C）", ["A.B（C）"]))).toEqual(["author:A.B（C）"]);
    expect(people(bylineParts("记者 AxB", ["A.B"]))).toEqual(["author:A.B"]);
    expect(text(bylineParts("记者 AxB", ["A.B"]))).toBe("记者 AxB A.B");
  });

  it("is empty for a story with no byline and nobody named", () => {
    expect(bylineParts(undefined, [])).toEqual([]);
  });
});
