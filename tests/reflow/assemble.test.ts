import { describe, expect, it } from "vitest";
import { assemble, captionsByTheirWords, captionsOverTheirText, demoteStrayHeadings } from "../../src/reflow/assemble.ts";
import { heads, headingsOf } from "../../src/reflow/heads.ts";
import { createState, reflow } from "../../src/reflow/index.ts";
import { read } from "../../src/reflow/reading.ts";
import { placeDisplacedHeadings } from "../../src/reflow/sections.ts";
import type { Role, Unit } from "../../src/types.ts";

let nextLine = 1;
function unit(role: Role, text: string, columnWidth = 15): Unit {
  const firstLine = nextLine;
  nextLine += 2;
  return { role, text, firstLine, lastLine: firstLine, columnWidth: role === "paragraph" ? columnWidth : 0, indented: false };
}
/** The next unit printed right under the previous one (no blank line between). */
function under(previous: Unit, role: Role, text: string): Unit {
  nextLine = previous.lastLine + 3;
  return { ...unit(role, text), firstLine: previous.lastLine + 1, lastLine: previous.lastLine + 1 };
}

/** The cluster at item k of the state's page, if it is one. */
function clusterAt(state: ReturnType<typeof stateOf>, k: number) {
  const item = state.items[k];
  return item?.kind === "cluster" ? item.cluster : undefined;
}

function stateOf(units: Unit[]) {
  const state = createState("");
  state.units = units;
  heads(state);
  return state;
}

describe("heads", () => {
  it("groups a kicker, title decks, subtitle and byline into one head, and heads printed together into one cluster", () => {
    const state = stateOf([unit("paragraph", "前文。"), unit("kicker", "引题——"), unit("headline", "主题"), unit("subtitle", "——副题"), unit("byline", "□甲乙"), unit("headline", "另一篇"), unit("byline", "□丙丁"), unit("paragraph", "正文。")]);
    expect(state.items.map((item) => item.kind)).toEqual(["unit", "cluster", "unit"]);
    const cluster = clusterAt(state, 1);
    expect(cluster?.anchored).toBe(true);
    expect(cluster?.heads.map((head) => [head.kicker?.text, head.titles.map((t) => t.text), head.subtitle?.text, head.byline?.text])).toEqual([
      ["引题——", ["主题"], "——副题", "□甲乙"],
      [undefined, ["另一篇"], undefined, "□丙丁"],
    ]);
  });
  it("continues a byline with a second line printed under it, and takes a name under a role line", () => {
    const title = unit("headline", "主题");
    const reporter = under(title, "byline", "本报记者 张三");
    const correspondent = under(reporter, "byline", "通讯员 李四");
    const state = stateOf([title, reporter, correspondent, unit("paragraph", "正文。")]);
    expect(clusterAt(state, 0)?.heads[0]?.byline?.text).toBe("本报记者 张三 通讯员 李四");
  });
  it("makes a short line right above a headline its column label, but not a person's name", () => {
    const label = unit("signature", "观察");
    const state = stateOf([unit("paragraph", "正文。"), label, under(label, "headline", "长一些的标题"), unit("paragraph", "正文。")]);
    expect(clusterAt(state, 1)?.heads[0]?.kicker?.text).toBe("观察");
    // a line as long as the title under it is no label: two phrases of one title
    const phrase = unit("signature", "橘子红了");
    const title = stateOf([unit("paragraph", "正文。"), phrase, under(phrase, "headline", "果 农 笑 了"), unit("paragraph", "正文。")]);
    expect(title.items[1]).toMatchObject({ kind: "unit", unit: { role: "signature" } });
    const name = unit("signature", "王芳");
    const signed = stateOf([unit("paragraph", "正文。"), name, under(name, "headline", "标题"), unit("paragraph", "正文。")]);
    expect(signed.items[1]).toMatchObject({ kind: "unit", unit: { role: "signature" } });
  });
  it("offers bare heads of three lines or more before a story's head as section headings of the text before, or titles", () => {
    const state = stateOf([unit("paragraph", "正文。"), unit("headline", "小标题一 甲"), unit("headline", "小标题二 乙"), unit("headline", "小标题三 丙"), unit("headline", "主题"), unit("byline", "□张三")]);
    expect(state.items.map((item) => (item.kind === "unit" ? item.unit.role : "cluster"))).toEqual(["paragraph", "cluster", "cluster"]);
    const bare = clusterAt(state, 1);
    expect([bare?.anchored, bare?.heads.length, bare?.headings?.length]).toEqual([false, 3, 3]);
    // one head of three lines printed together: as titles, a kicker, a title and a deck; as headings, the lines as printed
    const first = unit("headline", "深化改革 激发活力");
    const second = under(first, "headline", "全省大会举行");
    const lead = clusterAt(stateOf([unit("paragraph", "正文。"), first, second, under(second, "headline", "省长讲话"), unit("headline", "主题"), unit("byline", "□张三")]), 1);
    expect(lead?.heads.map((head) => [head.kicker?.text, head.titles.map((t) => t.text), head.subtitle?.text])).toEqual([["深化改革 激发活力", ["全省大会举行"], "省长讲话"]]);
    expect(lead?.headings?.map((head) => head.titles.length)).toEqual([3]);
  });
  it("reads a name set apart under a bylined head, no text between, as a short title", () => {
    const title = unit("headline", "非遗剪纸进课堂");
    const state = stateOf([unit("paragraph", "正文。"), title, under(title, "byline", "文/张三 图/李四"), unit("signature", "第一场雪"), unit("paragraph", "正文。")]);
    expect(clusterAt(state, 1)?.heads.map((head) => head.titles.map((t) => `${t.role}:${t.text}`))).toEqual([["headline:非遗剪纸进课堂"], ["headline:第一场雪"]]);
    // printed right under the byline it continues it, or stays a name: not a title
    const other = unit("headline", "非遗剪纸进课堂");
    const byline = under(other, "byline", "本报记者");
    expect(clusterAt(stateOf([unit("paragraph", "正文。"), other, byline, under(byline, "signature", "张三"), unit("paragraph", "正文。")]), 1)?.heads).toHaveLength(1);
  });
  it("turns numbered heads printed right before a story's head into section headings of the text before", () => {
    const state = stateOf([unit("paragraph", "正文。"), unit("headline", "一、坚持问题导向"), unit("headline", "二、坚持系统观念"), unit("headline", "主题"), unit("paragraph", "正文。")]);
    expect(state.items.map((item) => (item.kind === "unit" ? `${item.unit.role}:${item.unit.text}` : "cluster"))).toEqual(["paragraph:正文。", "heading:一、坚持问题导向", "heading:二、坚持系统观念", "cluster", "paragraph:正文。"]);
  });
  it("keeps a numbered heading wrapped over three lines one head of titles, never a kicker, title and deck", () => {
    const first = unit("headline", "二、把握协商于决策之前");
    const second = under(first, "headline", "和决策实施之中的基本要");
    const cluster = clusterAt(stateOf([unit("paragraph", "正文。"), first, second, under(second, "headline", "求"), unit("paragraph", "正文。")]), 1);
    expect(cluster?.heads.map((head) => [head.kicker?.text, head.titles.length, head.subtitle?.text])).toEqual([[undefined, 3, undefined]]);
    expect(cluster?.anchored).toBe(false);
  });
  it("parts three title lines over a byline after a first line of two phrases: that line is a whole title", () => {
    const first = unit("headline", "数据要多跑路 更要跑对路");
    const second = under(first, "headline", "别让指尖形式主义");
    const third = under(second, "headline", "挤占干事时间");
    const cluster = clusterAt(stateOf([unit("paragraph", "正文。"), first, second, third, under(third, "byline", "□张三"), unit("paragraph", "正文。")]), 1);
    expect(cluster?.heads.map((head) => [head.titles.map((t) => t.text), head.byline?.text])).toEqual([
      [["数据要多跑路 更要跑对路"], undefined],
      [["别让指尖形式主义", "挤占干事时间"], "□张三"],
    ]);
  });
  it("keeps bare heads with a letter-spaced line in one cluster with the story's head at the page's end: titles all", () => {
    const text = unit("paragraph", "正文。");
    const first = unit("headline", "博物馆夜场");
    const spaced = under(first, "headline", "点 亮 城 市 文 化 生 活");
    const second = unit("headline", "三百余家企业携两万个岗位");
    const wrapped = under(second, "headline", "进校园招才引智");
    const last = unit("headline", "第一场雪");
    const state = stateOf([text, first, spaced, second, wrapped, last, under(last, "byline", "文/张三")]);
    expect(state.items.map((item) => (item.kind === "unit" ? item.unit.role : "cluster"))).toEqual(["paragraph", "cluster"]);
    expect([clusterAt(state, 1)?.anchored, clusterAt(state, 1)?.heads.length]).toEqual([true, 3]);
  });
  it("offers two title lines both as one two-line title and as two stories' titles", () => {
    const first = unit("headline", "秋粮收购进度过半");
    const cluster = clusterAt(stateOf([unit("paragraph", "正文。"), first, under(first, "headline", "试点带火农产品直播"), unit("paragraph", "正文。")]), 1);
    expect(cluster?.heads.map((head) => head.titles.map((t) => t.text))).toEqual([["秋粮收购进度过半"], ["试点带火农产品直播"]]);
    expect(cluster?.merged?.map((head) => head.titles.map((t) => t.text))).toEqual([["秋粮收购进度过半", "试点带火农产品直播"]]);
  });
  it("offers a title line of two phrases both as one title and as two titles side by side, the byline with the left one", () => {
    const line = unit("headline", "博物馆夜场开放 全国机器人竞赛开赛");
    const cluster = clusterAt(stateOf([unit("paragraph", "正文。"), line, under(line, "byline", "本报记者 张三"), unit("paragraph", "正文。")]), 1);
    expect(cluster?.heads.map((head) => [head.titles.map((t) => t.text), head.byline?.text])).toEqual([[["博物馆夜场开放"], "本报记者 张三"], [["全国机器人竞赛开赛"], undefined]]);
    expect(cluster?.merged?.map((head) => head.titles.map((t) => t.text))).toEqual([["博物馆夜场开放 全国机器人竞赛开赛"]]);
  });
  it("offers a line of two titles side by side under a column label and over a deck, those the left title's", () => {
    const label = unit("kicker", "委员访谈");
    const line = under(label, "headline", "让更多青年在基层建功 冬季供暖提前五天启动");
    const deck = under(line, "subtitle", "——学习贯彻全会精神的几点思考");
    const cluster = clusterAt(stateOf([unit("paragraph", "正文。"), label, line, deck, under(deck, "byline", "本报记者 张三"), unit("paragraph", "正文。")]), 1);
    expect(cluster?.heads.map((head) => [head.kicker?.text, head.titles.map((t) => t.text), head.subtitle?.text])).toEqual([
      ["委员访谈", ["让更多青年在基层建功"], "——学习贯彻全会精神的几点思考"],
      [undefined, ["冬季供暖提前五天启动"], undefined],
    ]);
    expect(cluster?.merged?.map((head) => head.titles.map((t) => t.text))).toEqual([["让更多青年在基层建功 冬季供暖提前五天启动"]]);
  });
  it("reads a head of whole two-phrase lines as one heading per line, a wrapped one as one heading", () => {
    const first = unit("headline", "凝心铸魂固根基 打造学习型机关");
    expect(headingsOf({ titles: [first, under(first, "headline", "高效服务促运转 打造效能型机关")] })).toHaveLength(2);
    const wrapped = unit("headline", "一、坚持以人民为中心的发展思想推动");
    expect(headingsOf({ titles: [wrapped, under(wrapped, "headline", "高质量发展")] }).map((u) => u.text)).toEqual(["一、坚持以人民为中心的发展思想推动 高质量发展"]);
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
    expect(placeDisplacedHeadings(body, []).map((u) => u.text)).toEqual([lead, caption, headings[0]!, ...learning, headings[1]!, ...service].map((u) => u.text));
  });
  it("keeps an article's opening paragraph before its first numbered section", () => {
    const intro = unit("paragraph", "协商民主是重要形式，协商工作要坚持正确方向。");
    const lead = [unit("paragraph", "坚持党的领导，党的领导是根本保证。"), unit("paragraph", "党的领导贯穿协商全过程。")];
    const skill = [unit("paragraph", "提高协商能力，能力建设要抓实。"), unit("paragraph", "协商能力靠学习培训提升能力。")];
    const headings = [unit("heading", "一、坚持党的领导"), unit("heading", "二、提高协商能力")];
    expect(placeDisplacedHeadings([intro, ...lead, ...skill, ...headings], []).map((u) => u.text)).toEqual([intro, headings[0]!, ...lead, headings[1]!, ...skill].map((u) => u.text));
    // an author's note after the displaced headings closes the story and stays last
    const note = unit("authorNote", "（作者系市委党校教授）");
    expect(placeDisplacedHeadings([intro, ...lead, ...skill, ...headings, note], []).map((u) => u.text)).toEqual([intro, headings[0]!, ...lead, headings[1]!, ...skill, note].map((u) => u.text));
  });
  it("leaves a body that does not end in headings as it is", () => {
    const body = [unit("paragraph", "甲。"), unit("heading", "乙"), unit("paragraph", "丙。")];
    expect(placeDisplacedHeadings(body, [])).toEqual(body);
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
    const state = stateOf([
      unit("headline", "会议综述"),
      unit("subtitle", "——发言摘编"),
      unit("paragraph", "会上，李四、张三作交流发言。"),
      unit("headline", "第一篇发言"),
      unit("byline", "某某市政协秘书长 张三"),
      unit("paragraph", "这是第一篇发言的内容。"),
      unit("headline", "第二篇发言"),
      unit("byline", "某某市政协秘书长 李四"),
      unit("paragraph", "这是第二篇发言的内容。"),
    ]);
    read(state);
    assemble(state);
    expect(state.stories.map((story) => story.authors[0] ?? story.title)).toEqual(["会议综述", "李四", "张三"]);
  });
  it("continues a byline found in the text with the name printed right under it", () => {
    const text = unit("paragraph", "前一篇的正文。");
    const role = unit("byline", "市政协委员、律师事务所主任");
    const name = under(role, "signature", "夏杰怡");
    // its title printed elsewhere (beside another story's), the byline stands in the text
    const state = stateOf([unit("headline", "标题"), text, role, name, unit("paragraph", "这是正文。")]);
    read(state);
    assemble(state);
    expect(state.stories.map((story) => story.byline)).toEqual(["市政协委员、律师事务所主任 夏杰怡"]);
    expect(state.stories.flatMap((story) => story.blocks.map((block) => block.text))).not.toContain("夏杰怡");
  });
  it("keeps an inline dateline in the first paragraph and takes its reporters as authors; a caption's photographer too", () => {
    const result = reflow(["暖气提前五天来了", "", "本报讯（记者 张三 通讯员 李四）11月1日零时，全市集中供热系统正式点火升温。", "", "工人在检修管网。本报记者 王五 摄", "", "市供热服务热线实行二十四小时值守，对群众反映的问题当日响应。", ""].join("\n"));
    expect(result.stories[0]).toMatchObject({ title: "暖气提前五天来了", authors: ["张三", "李四"], photographers: ["王五"] });
    expect(result.stories[0]!.byline).toBeUndefined();
    expect(result.stories[0]!.blocks.map((block) => block.type)).toEqual(["paragraph", "caption", "paragraph"]);
  });
});

describe("demoteStrayHeadings", () => {
  const block = (type: "heading" | "paragraph", text: string) => ({ type, text });
  it("keeps run-in headings that come in a set, and demotes a lone one and those opening or closing the story", () => {
    const set = [block("paragraph", "甲。"), block("heading", "落实第一议题，把稳思想之舵。"), block("paragraph", "乙。"), block("heading", "借力专题培训，赋能履职本领。"), block("paragraph", "丙。")];
    demoteStrayHeadings(set);
    expect(set.map((b) => b.type)).toEqual(["paragraph", "heading", "paragraph", "heading", "paragraph"]);
    const lone = [block("paragraph", "甲。"), block("heading", "会议期间，常委们将分组讨论。"), block("paragraph", "乙。")];
    demoteStrayHeadings(lone);
    expect(lone.map((b) => b.type)).toEqual(["paragraph", "paragraph", "paragraph"]);
    // a numbered heading without a stop is no run-in heading: it stands alone
    const numbered = [block("paragraph", "甲。"), block("heading", "一、坚持党的领导"), block("paragraph", "乙。")];
    demoteStrayHeadings(numbered);
    expect(numbered[1]!.type).toBe("heading");
  });
});

describe("captionsOverTheirText", () => {
  it("gives a caption set apart above the next story's dateline to that story", () => {
    const text = unit("paragraph", "前一篇的正文。");
    const caption = unit("caption", "与会人员观摩工程。通讯员 张三 摄");
    const opening = under(caption, "paragraph", "本报讯 记者李四报道 11月26日，推进会召开。");
    const parts = [{ body: [text, caption], position: 0 }, { body: [opening], position: 3 }];
    captionsOverTheirText(parts, 1);
    expect(parts.map((part) => part.body.map((u) => u.role))).toEqual([["paragraph"], ["caption", "paragraph"]]);
    // printed right under the text before it, the caption stays there
    const closing = under(text, "caption", "与会人员观摩工程。通讯员 张三 摄");
    const kept = [{ body: [text, closing], position: 0 }, { body: [under(closing, "paragraph", "本报讯 11月26日，推进会召开。")], position: 3 }];
    captionsOverTheirText(kept, 1);
    expect(kept[0]!.body).toHaveLength(2);
  });
});

describe("captionsByTheirWords", () => {
  it("gives a caption between two stories' text to the story its words are about", () => {
    const text = unit("paragraph", "下一步，三省一市将推动更多电子证照互认共享。");
    const caption = unit("caption", "选手在竹编项目比赛中展示技艺 通讯员 张三 摄");
    const opening = unit("paragraph", "11月16日，首届乡村工匠技能大赛落幕，选手分获竹编项目比赛等八个奖项。");
    const parts = [{ body: [unit("paragraph", "跨省通办事项增至一百六十项。"), text, caption], position: 0 }, { body: [opening], position: 3 }];
    captionsByTheirWords(parts);
    expect(parts.map((part) => part.body.map((u) => u.role))).toEqual([["paragraph", "paragraph"], ["caption", "paragraph"]]);
  });
  it("leaves a caption where it is when the other story shares only a common word or two with it", () => {
    const caption = unit("caption", "工人在分拣中心对柑橘进行分级包装 通讯员 张三 摄");
    const parts = [{ body: [unit("paragraph", "万亩橘园迎来采摘季。"), caption], position: 0 }, { body: [unit("paragraph", "政务服务中心进行了改造。")], position: 3 }];
    captionsByTheirWords(parts);
    expect(parts[0]!.body).toHaveLength(2);
  });
  it("moves a story's leading caption back to the story before it that it shows, unless a head stands between", () => {
    const closing = unit("paragraph", "首届乡村工匠技能大赛落幕，选手分获竹编项目比赛奖项。");
    const caption = unit("caption", "选手在竹编项目比赛中展示技艺 通讯员 张三 摄");
    const body = [caption, unit("paragraph", "跨省通办事项增至一百六十项。")];
    const parts = [{ body: [closing], position: 0 }, { body: [...body], position: 3 }];
    captionsByTheirWords(parts);
    expect(parts.map((part) => part.body.length)).toEqual([2, 1]);
    const title = { ...caption, role: "title" as const, text: "跨省通办", firstLine: caption.firstLine - 1, lastLine: caption.firstLine - 1 };
    const headed = [{ body: [closing], position: 0 }, { head: { titles: [title] }, body: [...body], position: 3 }];
    captionsByTheirWords(headed);
    expect(headed.map((part) => part.body.length)).toEqual([1, 2]);
  });
});
