import { describe, expect, it } from "vitest";
import { type Head, assignRuns, headsComeFirst, pageRuns, shareRun } from "../../src/reflow/heads.ts";
import { assemble } from "../../src/reflow/assemble.ts";
import { createState, reflow } from "../../src/reflow/index.ts";
import { placeDisplacedHeadings } from "../../src/reflow/sections.ts";
import { Affinity } from "../../src/reflow/similarity.ts";
import type { Role, Unit } from "../../src/types.ts";

let nextLine = 1;
function unit(role: Role, text: string, columnWidth = 15): Unit {
  const firstLine = nextLine;
  nextLine += 2;
  return { role, text, firstLine, lastLine: firstLine, columnWidth: role === "paragraph" ? columnWidth : 0, indented: false };
}

describe("pageRuns", () => {
  it("groups a kicker, title decks, subtitle and byline into one head, and consecutive heads into a run", () => {
    const units = [unit("paragraph", "前文。"), unit("kicker", "引题——"), unit("title", "主题"), unit("subtitle", "——副题"), unit("byline", "□甲乙"), unit("title", "另一篇"), unit("byline", "□丙丁"), unit("paragraph", "正文。")];
    const runs = pageRuns(units);
    expect(runs.content.map((run) => run.map((u) => u.text))).toEqual([["前文。"], ["正文。"]]);
    expect(runs.heads).toHaveLength(1);
    expect(runs.heads[0]!.map((head) => [head.kicker?.text, head.titles.map((t) => t.text), head.subtitle?.text, head.byline?.text])).toEqual([
      ["引题——", ["主题"], "——副题", "□甲乙"],
      [undefined, ["另一篇"], undefined, "□丙丁"],
    ]);
  });
  it("continues a byline with a second byline line printed under it", () => {
    const title = unit("title", "主题");
    const reporter = unit("byline", "本报记者 张三");
    const correspondent = { ...unit("byline", "通讯员 李四"), firstLine: reporter.lastLine + 1, lastLine: reporter.lastLine + 1 };
    const runs = pageRuns([title, reporter, correspondent, unit("paragraph", "正文。")]);
    expect(runs.heads[0]![0]!.byline?.text).toBe("本报记者 张三 通讯员 李四");
  });
  it("leaves a byline that no head takes in the body", () => {
    const runs = pageRuns([unit("title", "主题"), unit("paragraph", "正文。"), unit("byline", "□甲乙")]);
    expect(runs.content[1]!.map((u) => u.role)).toEqual(["paragraph", "byline"]);
  });
});

describe("headsComeFirst", () => {
  const run = (...roles: Role[]) => roles.map((role) => unit(role, role === "paragraph" ? "文。" : "题"));
  it("reads heads before their bodies when the page opens with a head", () => {
    expect(headsComeFirst(pageRuns(run("title", "paragraph", "title", "paragraph")))).toBe(true);
  });
  it("reads heads after their bodies when the page ends with heads and opens with text", () => {
    expect(headsComeFirst(pageRuns(run("paragraph", "title", "paragraph", "paragraph", "title", "title")))).toBe(false);
  });
});

describe("assignRuns", () => {
  it("lets heads left together at the end of a heads-first page share the text before them", () => {
    const units = [unit("title", "甲"), unit("byline", "□张三"), unit("paragraph", "甲文。"), unit("paragraph", "乙文。"), unit("paragraph", "丙文。"), unit("title", "乙"), unit("byline", "□李四"), unit("title", "丙"), unit("byline", "□王五")];
    const runs = pageRuns(units);
    const first = headsComeFirst(runs);
    expect(first).toBe(true);
    expect(assignRuns(runs, first).map((heads) => heads.map((head) => head.titles[0]!.text))).toEqual([[], ["甲", "乙", "丙"], []]);
  });
});

describe("shareRun", () => {
  it("gives each head of a run the bodies that share its words, in order", () => {
    const heads: Head[] = [
      { titles: [unit("title", "坚持五个干事 打造五型机关")], byline: unit("byline", "石嘴山市政协秘书长 李小宏") },
      { titles: [unit("title", "加强干部队伍建设")], byline: unit("byline", "吴忠市政协办公室主任 袁宗辉") },
    ];
    const body = [
      unit("paragraph", "近年来，石嘴山市政协机关坚持五个干事，着力打造五型机关。"),
      unit("paragraph", "坚持科学干事，着力打造政治型机关，石嘴山市各级干事创业。"),
      unit("paragraph", "中央和自治区党委政协工作会议召开以来，吴忠市认真贯彻要求。"),
      unit("paragraph", "以实干担当为重，锻造勤勉尽责的硬队伍，吴忠市委重视干部队伍建设。"),
    ];
    const affinity = new Affinity([...body, ...heads.flatMap((head) => [head.titles[0]!, head.byline!])].map((u) => u.text));
    const parts = shareRun(heads, body, affinity, []);
    expect(parts.map((part) => part.body.length)).toEqual([2, 2]);
  });
});

describe("placeDisplacedHeadings", () => {
  it("puts headings printed after their story before the sections they name, in their printed order", () => {
    const lead = unit("paragraph", "近年来，市政协机关全面加强机关建设。");
    const caption = unit("caption", "市政协机关召开座谈会。");
    const service = [unit("paragraph", "服务是机关工作的核心，高效服务促运转。"), unit("paragraph", "在服务委员履职中，服务群众，服务高效。")];
    const learning = [unit("paragraph", "重视学习、崇尚学习，读书学习。"), unit("paragraph", "集中学习过程中，学习研讨，学习交流。")];
    const headings = [unit("heading", "凝心铸魂 打造学习型机关"), unit("heading", "高效服务 打造效能型机关")];
    const body = [lead, caption, ...service, ...learning, ...headings];
    const themes = new Affinity(body.map((u) => u.text), { characters: true });
    expect(placeDisplacedHeadings(body, themes, []).map((u) => u.text)).toEqual([lead, caption, headings[0]!, ...learning, headings[1]!, ...service].map((u) => u.text));
  });
  it("leaves a body that does not end in headings as it is", () => {
    const body = [unit("paragraph", "甲。"), unit("heading", "乙"), unit("paragraph", "丙。")];
    expect(placeDisplacedHeadings(body, new Affinity(["甲。", "乙", "丙。"]), [])).toEqual(body);
  });
});

describe("assemble", () => {
  const page = (title: string) => [title, "□张三", "", "一段正文讲述了这件事情的经过。", ""].join("\n");
  it("gives stories ids from their titles, stable across runs and unique in the edition", () => {
    const first = reflow(page("同一个标题") + page("同一个标题") + page("另一个标题"));
    expect(first.stories.map((story) => story.id)).toEqual(reflow(page("同一个标题") + page("同一个标题") + page("另一个标题")).stories.map((story) => story.id));
    expect(new Set(first.stories.map((story) => story.id)).size).toBe(3);
    expect(first.stories[0]!.id).toMatch(/^[0-9a-f]{8}$/u);
  });
  it("orders speeches as an editor's note lists their speakers", () => {
    const state = createState("");
    state.units = [
      unit("title", "会议综述"),
      unit("subtitle", "——发言摘编"),
      unit("paragraph", "会上，李四、张三作交流发言。"),
      unit("title", "第一篇发言"),
      unit("byline", "某某市政协秘书长 张三"),
      unit("paragraph", "这是第一篇发言的内容。"),
      unit("title", "第二篇发言"),
      unit("byline", "某某市政协秘书长 李四"),
      unit("paragraph", "这是第二篇发言的内容。"),
    ];
    assemble(state);
    expect(state.stories.map((story) => story.authors[0] ?? story.title)).toEqual(["会议综述", "李四", "张三"]);
  });
});
