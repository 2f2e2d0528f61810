import { describe, expect, it } from "vitest";
import { runPasses } from "../../src/reflow/index.ts";
import type { Head } from "../../src/types.ts";

/** Paragraphs set in a column twelve characters wide, their indent kept, a blank line after each. */
const body = (...paragraphs: string[]) => paragraphs.flatMap((text) => [...(`\u3000\u3000${text}`.match(/.{1,12}/gu) ?? []), ""]);

/** Each cluster's heads, as their title lines and byline. */
function clusters(page: string): { titles: string[]; byline?: string }[][] {
  const items = runPasses(page, "heads").items;
  const shape = (head: Head) => ({ titles: head.titles.map((unit) => unit.text.trim()), ...(head.byline ? { byline: head.byline.text } : {}) });
  return items.flatMap((item) => (item.kind === "cluster" ? [item.cluster.heads.map(shape)] : []));
}

describe("heads", () => {
  it("gives both lines of a byline under two titles side by side to the left title", () => {
    const page = [
      "把养老服务送到家门口    湿 地 候 鸟 迎 来 越 冬 高 峰",
      "本报记者 吕斌诺",
      "通讯员 沈萍嘉",
      "",
      ...body("编者按：居家养老是大多数老年人的选择。如何让老人在家门口就能享受到便捷的养老服务？", "记者：您在调研中发现，社区养老服务还存在哪些短板？"),
    ].join("\n");
    const [heads] = clusters(page);
    expect(heads?.find((head) => head.byline)?.byline).toMatch(/吕斌诺.*沈萍嘉/u);
    expect(heads?.filter((head) => head.byline)).toHaveLength(1);
  });
  it("reads three title lines under a column label as two heads printed together", () => {
    const page = [
      ...body("本报讯 记者王五报道 从下月起，市区将新开三条公交线路，方便沿线群众出行，线路途经医院、学校和大型社区。"),
      "【民生关注】",
      "省级医学中心远程会诊",
      "覆盖所有县级医院",
      "首届乡村工匠技能大赛落幕",
      "本报记者 毛宇语",
      "",
      ...body("11月16日，首届全省乡村工匠技能大赛在景德镇市落下帷幕。经过两天激烈角逐，来自各地的选手各展绝活。"),
    ].join("\n");
    expect(clusters(page)[0]?.map((head) => head.titles)).toEqual([["省级医学中心远程会诊", "覆盖所有县级医院"], ["首届乡村工匠技能大赛落幕"]]);
  });
});
