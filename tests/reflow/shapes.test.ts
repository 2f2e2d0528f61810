import { describe, expect, it } from "vitest";
import { parseByline } from "../../src/reflow/bylines.ts";
import { hasSentencePunctuation, isByline, isParenthesized, markerShape, opensParenthesis } from "../../src/reflow/shapes.ts";

describe("furniture shapes", () => {
  it.each([
    ["□江 波", true],
    ["□文/杨森 梁寒 向璐 图/雷颖颖", true],
    ["本报记者 张三 李四", true],
    ["自治区政协副秘书长、民革宁夏区委会副主委 徐 勇", true],
    ["石嘴山市政协秘书长 李小宏", true],
    ["统筹协调 规范管理", false],
    ["凝心聚力 谱新篇", false],
    ["全 面 担 起 日 常 工 作“ 第 一", false],
    ["等方面 16名专家作为智库成员，发", false],
    ["本报讯（记者 魏刚宇 钱涵", false],
  ])("byline %s → %s", (text, expected) => expect(isByline(text)).toBe(expected));

  it("knows kickers, subtitles and whole-line parentheses", () => {
    expect(markerShape("广安市政协机关以实干担当书写履职答卷——")).toBe("kicker");
    expect(markerShape("——全区政协秘书长（办公室主任）工作交流座谈会发言摘编")).toBe("subtitle");
    expect(markerShape("（作者系广安市政协副主席、党组副书记）")).toBe("note");
    expect(isParenthesized("（区）政协的重要工作力量，发挥着（作用）")).toBe(false);
    expect(opensParenthesis("（作者系广安市政协秘书长、党组成员、")).toBe(true);
  });
});

describe("bylines", () => {
  it.each([
    ["□江 波", ["江波"], []],
    ["□郑建军", ["郑建军"], []],
    ["□文/杨森 梁寒 向璐 图/雷颖颖", ["杨森", "梁寒", "向璐"], ["雷颖颖"]],
    ["自治区政协副秘书长、民革宁夏区委会副主委 徐 勇", ["徐勇"], []],
    ["盐池县政协秘书长、办公室主任 王玉标", ["王玉标"], []],
    ["本报记者 张三 李四", ["张三", "李四"], []],
    ["王五 摄", [], ["王五"]],
  ])("%s", (byline, authors, photographers) => {
    expect(parseByline(byline)).toEqual({ authors, photographers });
  });
});

describe("page credits", () => {
  it("takes production credit lines and folios for the page's furniture, jump lines for their own shape", () => {
    expect(markerShape("责任编辑：张三 校对：李四")).toBe("folio");
    expect(markerShape("本版编辑：王五")).toBe("folio");
    expect(markerShape("2025年11月28日 星期五 第3版 要闻")).toBe("folio");
    expect(markerShape("国内统一连续出版物号 CN 12-0034  邮发代号 7-21")).toBe("folio");
    expect(markerShape("北方晨报社主管主办")).toBe("folio");
    expect(markerShape("NORTHERN MORNING POST")).toBe("folio");
    expect(markerShape("GDP")).toBeUndefined();
    expect(markerShape("（下转第二版）")).toBe("jump");
    expect(markerShape("【委员访谈】")).toBe("kicker");
    expect(markerShape("记者：您提出了哪些具体建议？")).toBeUndefined();
    expect(markerShape("编辑部的同志认为，")).toBeUndefined();
  });
});

describe("bylines with several credits", () => {
  it.each([
    ["本报记者 张三 通讯员 李四", ["张三", "李四"], []],
    ["记者 张三 摄", [], ["张三"]],
    ["文/图 张三", ["张三"], ["张三"]],
    ["本报记者张三", ["张三"], []],
    ["文：李四 摄影：王五", ["李四"], ["王五"]],
  ])("%s", (byline, authors, photographers) => {
    expect(parseByline(byline)).toEqual({ authors, photographers });
  });
});

describe("sentence punctuation", () => {
  it("finds an ellipsis or a list of three items in running text, not one pause in a title", () => {
    expect(hasSentencePunctuation("城里白领下乡搞直播……越来越多的")).toBe(true);
    expect(hasSentencePunctuation("选手分获竹编、陶瓷、木雕")).toBe(true);
    expect(hasSentencePunctuation("乡村振兴、共同富裕")).toBe(false);
    expect(hasSentencePunctuation("全省优化营商环境大会举行")).toBe(false);
  });
});
