import { describe, expect, it } from "vitest";
import { hasPhotoCredit, photographersIn } from "../../src/reflow/captions.ts";
import { datelineAuthors, isNumbered, opensWithDateline } from "../../src/reflow/signals.ts";

describe("datelines", () => {
  it("recognises the ways a news story opens", () => {
    for (const text of ["本报讯（记者 张三 通讯员 李四）11月1日，…", "本报讯 记者王五报道 11月25日，…", "本报讯 11月24日中午，…", "新华社北京11月28日电（记者 赵六）…", "新华社成都 11 月 22 日电（记者白新勇）…"]) {
      expect(opensWithDateline(text), text).toBe(true);
    }
    expect(opensWithDateline("本报记者深入一线采访。")).toBe(false);
    // an agency's dateline names a place or date before 电: `上网电量` is no `…网…电`
    expect(opensWithDateline("年上网电量可达十五亿千瓦时")).toBe(false);
    expect(opensWithDateline("据新华社电 记者从会上获悉")).toBe(true);
  });
  it("reads the reporters a dateline names", () => {
    expect(datelineAuthors("本报讯（记者 张三 通讯员 李四）11月1日，全市…")).toEqual(["张三", "李四"]);
    expect(datelineAuthors("本报讯 记者王五报道 11月25日，记者从…")).toEqual(["王五"]);
    expect(datelineAuthors("本报讯 11月24日中午，…")).toEqual([]);
    expect(datelineAuthors("新华社西安11月17日电（记者肖强汤萍子）周至县…")).toEqual(["肖强", "汤萍子"]);
  });
  it("tells numbered section headings", () => {
    expect(["一、健全机制", "（二）完善格局", "3. 加强保障"].every(isNumbered)).toBe(true);
    expect(isNumbered("2024年的工作")).toBe(false);
  });
});

describe("photo credits", () => {
  it("finds a caption's credit with or without parentheses and a stop", () => {
    expect(photographersIn("代表们在会场认真听讲。本报记者 赵六 摄")).toEqual(["赵六"]);
    expect(photographersIn("代表们在会场认真听讲（施雨桐 摄）")).toEqual(["施雨桐"]);
    expect(photographersIn("植保无人机在麦田上空作业 通讯员 谭成洋 摄")).toEqual(["谭成洋"]);
    expect(hasPhotoCredit("学生们学习剪纸技艺（受访者供图）")).toBe(true);
    expect(photographersIn("学生们学习剪纸技艺（受访者供图）")).toEqual([]);
    expect(hasPhotoCredit("这是一段普通的正文。")).toBe(false);
  });
  it("takes a clause after a stop that ends in 摄 (a word broken at the line's end) for text, not a credit", () => {
    expect(hasPhotoCredit("比往年提前五天。受近期冷空气影响，气温已降至零下二摄")).toBe(false);
    // a caption without a stop may hold a comma before its credit
    expect(hasPhotoCredit("11月12日，市民在湖畔公园赏景通讯员邱新成摄")).toBe(true);
  });
});
