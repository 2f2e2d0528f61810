import { describe, expect, it } from "vitest";
import { runPasses } from "../../src/reflow/index.ts";

const roles = (raw: string) => runPasses(raw, "classify").units.map((unit) => `${unit.role}:${unit.text.slice(0, 8)}`);

const PARAGRAPH = ["强化政治引领，广泛凝聚思想", "共识。民革宁夏区委会始终高度", "重视思想政治工作，紧紧围绕新时", "代的要求，在各级组织和广大成员", "中深入开展主题教育和学习教育。"];

describe("classify", () => {
  it("leaves a headline undecided (title or heading is the page model's call) and keeps its byline", () => {
    expect(roles(["进一步发挥民主党派的重要作用", "石嘴山市政协秘书长 李小宏", "", ...PARAGRAPH].join("\n"))).toEqual(["headline:进一步发挥民主党", "byline:石嘴山市政协秘书", "paragraph:强化政治引领，广"]);
    expect(roles([...PARAGRAPH, "凝心铸魂固根基 打造“学习型”机关", ...PARAGRAPH].join("\n"))).toEqual(["paragraph:强化政治引领，广", "headline:凝心铸魂固根基 ", "paragraph:强化政治引领，广"]);
  });
  it("reads a caption by its photo credit, and a speaker's turn as a paragraph", () => {
    expect(roles([...PARAGRAPH.slice(0, -1), "中深入开展教育。", "代表们认真听取报告（施雨桐 摄）", ...PARAGRAPH].join("\n"))[1]).toBe("caption:代表们认真听取报");
    expect(roles([...PARAGRAPH, "问：您提出了哪些建议？", ...PARAGRAPH].join("\n"))[1]).toBe("paragraph:问：您提出了哪些");
  });
  it("joins a photo credit wrapped onto its own line to the caption above it", () => {
    const page = [...PARAGRAPH, "", "代表们认真听取报告。", "本报记者 施雨桐 摄", "", ...PARAGRAPH].join("\n");
    expect(roles(page)[1]).toBe("caption:代表们认真听取报");
    expect(roles(page)).toHaveLength(3);
  });
  it("keeps the photo mark wrapped alone onto its line with its caption, even right above a byline", () => {
    const page = [...PARAGRAPH, "", "游客在古城墙下的银杏大道拍照留念 本报记者 夏刚", "摄", "", "本报记者 张三", ...PARAGRAPH].join("\n");
    expect(roles(page).map((role) => role.split(":")[0])).toEqual(["paragraph", "caption", "byline", "paragraph"]);
  });
  it("keeps a signature a blank line above the next story's byline a signature, not a short title", () => {
    const page = ["以新质生产力赋能县域经济高质量发展", "", ...PARAGRAPH, "", "廖昊春", "", "□付 远", "", ...PARAGRAPH].join("\n");
    expect(roles(page).map((role) => role.split(":")[0])).toEqual(["headline", "paragraph", "signature", "byline", "paragraph"]);
  });
  it("tells author notes from page credits", () => {
    expect(roles([...PARAGRAPH, "（作者系广安市政协副主席）", "（文字整理 罗 鸣 图片拍摄 罗 鸣）"].join("\n")).slice(1)).toEqual(["authorNote:（作者系广安市政", "credit:（文字整理 罗 "]);
  });
  it("opens the next paragraph with a run-in label", () => {
    expect(roles(["编者按：", ...PARAGRAPH].join("\n"))).toEqual(["paragraph:编者按：强化政治"]);
  });
  it("reads a short balanced sentence as a heading and a plain short statement as a caption", () => {
    // run-in headings come in sets (the page has two), each clear of the paragraph before it, which stops short
    const short = [...PARAGRAPH.slice(0, -1), "中深入开展主题教育。"];
    const page = [...short, "落实第一议题，把稳思想之舵。", ...short, "借力专题培训，赋能履职本领。", ...PARAGRAPH, "市政协机关召开座谈会。", ...PARAGRAPH].join("\n");
    expect(roles(page)).toEqual(["paragraph:强化政治引领，广", "heading:落实第一议题，把", "paragraph:强化政治引领，广", "heading:借力专题培训，赋", "paragraph:强化政治引领，广", "caption:市政协机关召开座", "paragraph:强化政治引领，广"]);
  });
});
