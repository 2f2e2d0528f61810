import { describe, expect, it } from "vitest";
import { reflow } from "../../src/reflow/index.ts";
import { type Chain, confidenceOf, decode, marginAt } from "../../src/reflow/viterbi.ts";

describe("decode", () => {
  // two positions, states 0 and 1: staying is free, switching costs 1, state 1 earns 0.6 at each
  const chain: Chain = {
    length: 2,
    states: () => [0, 1],
    score: (_t, p, s) => (s === 1 ? 0.6 : 0) - (p >= 0 && p !== s ? 1 : 0),
    final: () => 0,
  };
  it("finds the best path and each state's best total through it", () => {
    const decoded = decode(chain)!;
    expect(decoded.path).toEqual([1, 1]);
    expect(decoded.best).toBeCloseTo(1.2);
    expect(decoded.marginals[decoded.offsets[0]! + decoded.states[0]!.indexOf(0)]).toBeCloseTo(0); // 0,0 beats 0,1 (-0.4)
    expect(marginAt(decoded, 0)).toBeCloseTo(1.2);
  });
  it("turns margins into confidences: a tie is 0.5, a wide margin near 1", () => {
    expect(confidenceOf(0)).toBe(0.5);
    expect(confidenceOf(5)).toBeGreaterThan(0.99);
    expect(confidenceOf(1)).toBeLessThan(confidenceOf(2));
  });
});

/** Paragraphs set in a column twelve characters wide, their indent kept, a blank line after each. */
const body = (...paragraphs: string[]) => paragraphs.flatMap((text) => [...(`\u3000\u3000${text}`.match(/.{1,12}/gu) ?? []), ""]);
/** A commentary with its title and signature over two paragraphs: the story before the one a test is about. */
const signedStory = () => [
  "让志愿服务更可持续",
  "□ 张三",
  "",
  ...body("周末的社区里，有人教老人用智能手机，有人陪孩子读绘本，有人清理楼道杂物，志愿服务随处可见。", "但也要看到，一些志愿服务项目开头热闹、后续乏力，志愿者流失较快，需要长效机制。"),
];

describe("the page model", () => {
  it("lets each story's head stand on its own side of its text", () => {
    const page = [
      "市区新开三条公交线路",
      "",
      ...body("本报讯 记者王五报道 从下月起，市区将新开三条公交线路，方便沿线群众出行，线路途经医院、学校和大型社区。", "三条公交线路发车间隔十分钟，早晚高峰加密班次，票价与现有公交线路相同。"),
      ...body("秋收时节，田野里一片繁忙，收割机来回穿梭，金黄的稻谷颗粒归仓，农民笑开颜。", "种粮大户说，今年稻谷亩产比去年高了一成，合作社统一收购稻谷，农民收入增加。"),
      "稻谷丰收农民笑开颜",
      "",
      "图书馆延长开放时间",
      "",
      ...body("本报讯（记者 张三）市图书馆自本周起延长开放时间至晚上九点，方便上班族下班后借阅图书。", "读者可以通过手机预约座位，周末还将举办读书分享会，邀请作家与读者面对面交流。"),
    ].join("\n");
    const { stories } = reflow(page);
    expect(stories.map((story) => [story.title, story.blocks[0]!.text.slice(0, 4), story.blocks.at(-1)!.text.slice(-4)])).toEqual([
      ["市区新开三条公交线路", "本报讯记", "公交线路相同。".slice(-4)],
      ["稻谷丰收农民笑开颜", "秋收时节", "农民收入增加。".slice(-4)],
      ["图书馆延长开放时间", "本报讯（", "面交流。".slice(-4)],
    ]);
    expect(stories[0]!.authors).toEqual(["王五"]);
  });
  it("reads numbered lines inside an article as its section headings, and records the call", () => {
    const page = [
      "推进基层治理现代化",
      "□ 张三",
      "",
      ...body("基层治理是国家治理的基石，必须坚持问题导向，推进治理体系和治理能力现代化，不断提高群众满意度。"),
      "一、健全党建引领机制",
      "",
      ...body("要把党的领导贯穿基层治理全过程，健全组织体系，完善工作机制，让基层党组织成为坚强战斗堡垒。"),
      "二、完善多元共治格局",
      "",
      ...body("要发挥群众主体作用，引导社会组织参与基层治理，形成共建共治共享的治理格局，让治理成果惠及群众。"),
    ].join("\n");
    const { stories, decisions } = reflow(page);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.blocks.filter((block) => block.type === "heading").map((block) => block.text)).toEqual(["一、健全党建引领机制", "二、完善多元共治格局"]);
    const calls = decisions.filter((decision) => decision.pass === "read" && /section heading/u.test(decision.message));
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.confidence).toBeGreaterThan(0.5);
  });
  it("reads bare heads over photo captions as photo stories' titles, not section headings", () => {
    const page = [
      "冬日赏雪",
      "",
      "市民在雪中的湖畔公园赏景 本报记者 张三 摄",
      ...body("受冷空气影响，我市迎来今冬第一场降雪，环卫工人连夜出动清扫主干道，保障市民出行安全。"),
      "柑橘丰收果农忙",
      "",
      "果农在果园里采摘成熟的砂糖橘 本报记者 李四 摄",
      ...body("眼下，万亩柑橘园迎来采摘季，漫山遍野的橘子挂满枝头，通过冷链物流销往全国各地。"),
    ].join("\n");
    expect(reflow(page).stories.map((story) => [story.title, story.blocks.length])).toEqual([
      ["冬日赏雪", 2],
      ["柑橘丰收果农忙", 2],
    ]);
  });
  it("reads bare lines before a titled head as the heads of the text before them when it has no other", () => {
    // a lead story's kicker, title and deck printed after its text, right before the next story's head
    const page = [
      ...body("本报讯（记者 张三）全省优化营商环境大会昨日举行，总结近年来营商环境建设成效，部署重点改革任务。", "会议强调，营商环境只有更好、没有最好，各地要对标先进，推动营商环境持续优化。"),
      "深化改革开放 激发发展活力",
      "全省优化营商环境大会举行",
      "省长作动员讲话",
      "",
      "图书馆延长开放时间",
      "本报记者 李四",
      "",
      ...body("市图书馆自本周起延长开放时间至晚上九点，方便上班族下班后借阅图书。", "读者可以通过手机预约座位，周末还将举办读书分享会。"),
    ].join("\n");
    const { stories } = reflow(page);
    expect(stories.map((story) => [story.kicker, story.title, story.subtitle, story.blocks.length])).toEqual([
      ["深化改革开放 激发发展活力", "全省优化营商环境大会举行", "省长作动员讲话", 2],
      [undefined, "图书馆延长开放时间", undefined, 2],
    ]);
  });
  it("keeps a dateline right after the caption under a head in that head's story", () => {
    const page = [
      "博物馆夜场",
      "点亮城市文化生活",
      "",
      "观众在博物馆夜场参观唐三彩展览（魏欣 摄）",
      "",
      ...body("本报洛阳11月9日电（记者 武桐燕）晚上七点，市博物馆门前依然排起长队，夜场已成为市民的新选择。", "夜场期间，博物馆推出讲解员带看、文物修复体验等活动，还与周边商圈联动推出文创市集。"),
    ].join("\n");
    expect(reflow(page).stories.map((story) => [story.title, story.blocks.map((block) => block.type)])).toEqual([["博物馆夜场 点亮城市文化生活", ["caption", "paragraph", "paragraph"]]]);
  });
  it("reads a bare head over text signed at its end as a title when the story before has a byline", () => {
    const page = [
      "调研要多走回头路",
      "□ 张三",
      "",
      ...body("调研是谋事之基、成事之道。一些调研存在走过场现象，看的是精心准备的点，听的是层层把关的汇报。", "多走回头路，就是要对调研过的地方再去看一看，对提出的建议再问一问。"),
      "一老一小是民生大事",
      "",
      ...body("老有所养、幼有所育，是千家万户最朴素的期盼。一头连着养老，一头连着育幼，调研时常听到。", "把一老一小的小事办好，就是把民生的大事办实。"),
      "李四",
    ].join("\n");
    expect(reflow(page).stories.map((story) => story.title)).toEqual(["调研要多走回头路", "一老一小是民生大事"]);
  });
  it("parts one line into two stories' titles side by side, with no byline under them, when two stories follow", () => {
    const page = [
      "老旧电梯更新改造提速 跨省通办事项增至一百六十项",
      "",
      ...body("本报讯（记者 张三）河西区友谊路街道一处老旧小区里，三部新电梯完成验收并投入使用。", "今年以来，全市把老旧住宅电梯更新改造列入民生实事，累计完成更新改造一千一百余部。"),
      ...body("新华社上海电（记者 李四）长三角地区跨省通办事项增至一百六十项，累计办件量突破八千万件。", "下一步，三省一市将推动更多电子证照互认共享，力争明年实现更多事项免证办。"),
    ].join("\n");
    expect(reflow(page).stories.map((story) => [story.title, story.blocks.length])).toEqual([
      ["老旧电梯更新改造提速", 2],
      ["跨省通办事项增至一百六十项", 2],
    ]);
    // a heading of two phrases over one story's text stays one line
    const heading = ["凝心铸魂固根基 打造学习型机关", "", ...body("在市政协机关读书中心，整齐的书架上摆放着三千余册图书，涵盖党史学习、地方文化。", "重视学习、崇尚学习，是人民政协薪火相传的优良传统，机关始终注重营造读书氛围。")].join("\n");
    expect(reflow(heading).stories.map((story) => story.title)).toEqual(["凝心铸魂固根基 打造学习型机关"]);
  });
  it("parts a line into two titles side by side when the second story's byline stands atop its own text", () => {
    const page = [
      "山区学校用上空中课堂 秋粮收购进度过半",
      "本报记者 张三",
      ...body("十一月二十一日上午九点，山区中心小学四年级教室里，孩子们通过大屏幕和城里一所学校同上一堂课。", "有关负责人表示，将完善城乡学校结对机制，把优质课程资源持续送到山区孩子身边。"),
      "本报记者 李四",
      ...body("十一月二十七日，记者从省粮食和物资储备局获悉，全省秋粮收购工作进展顺利，市场运行平稳。", "有关负责人表示，将加强市场监测和收购监管，切实保护种粮农民利益，防止出现卖粮难。"),
    ].join("\n");
    expect(reflow(page).stories.map((story) => [story.title, story.byline, story.blocks.length])).toEqual([
      ["山区学校用上空中课堂", "本报记者 张三", 2],
      ["秋粮收购进度过半", "本报记者 李四", 2],
    ]);
  });
  it("gives a photo caption right before a dateline to the new story when it shares that story's words", () => {
    const page = [
      "茶园里的科技小院",
      "本报记者 张三",
      "",
      ...body("在普洱市思茅区的一片生态茶园里，几名研究生正在采集土壤样本，测算茶树需要的肥料。", "三年来，师生们和茶农同吃同住，摸索出绿肥套种、病虫害绿色防控等一套种茶办法。"),
      "选手在竹编项目比赛中展示竹编技艺（受访者供图）",
      "",
      ...body("本报讯 首届全省乡村工匠技能大赛落下帷幕，竹编、陶瓷、木雕等项目的选手同场比拼技艺。", "比赛现场，选手们各展绝活，一根根竹篾在指间翻飞，不到一个小时便编成了竹编果篮。"),
      "乡村工匠技能大赛落幕",
    ].join("\n");
    expect(reflow(page).stories.map((story) => [story.title, story.blocks.map((block) => block.type)])).toEqual([
      ["茶园里的科技小院", ["paragraph", "paragraph"]],
      ["乡村工匠技能大赛落幕", ["caption", "paragraph", "paragraph"]],
    ]);
  });
  it("keeps a short closing sentence set apart with the story it ends, not the next story's text", () => {
    const page = [
      ...signedStory(),
      "每个人贡献一点力量，社会就会多一分温暖。",
      "",
      ...body("一个部门建十几个工作群，一项任务要求多个平台反复填报，基层干部疲于应付各种报表。", "数字化工具本是为了提高效率，用偏了就会适得其反，考核要少看截图多看实效。"),
      "别让指尖形式主义挤占干事时间",
      "□ 李四",
    ].join("\n");
    const { stories } = reflow(page);
    expect(stories.map((story) => [story.title, story.blocks.at(-1)!.text.slice(0, 6)])).toEqual([
      ["让志愿服务更可持续", "每个人贡献一"],
      ["别让指尖形式主义挤占干事时间", "数字化工具本"],
    ]);
  });
  it("reads one bare head at the page's end as the title of the text before it, not its story's only section", () => {
    const page = [
      ...signedStory(),
      ...body("经过三个多月的休渔期，沿海渔港迎来开海后的捕捞高峰，渔船满载而归，渔民们忙着分拣海鲜。", "据渔业部门介绍，今年开海后渔获量较去年同期有所增加，带鱼、鲳鱼等主要品种个头明显偏大。"),
      "渔港开海千帆竞发",
    ].join("\n");
    const { stories } = reflow(page);
    expect(stories.map((story) => [story.title, story.blocks[0]!.text.slice(0, 6)])).toEqual([
      ["让志愿服务更可持续", "周末的社区里"],
      ["渔港开海千帆竞发", "经过三个多月"],
    ]);
  });
  it("records every page-level decision with a confidence from its margin", () => {
    const { decisions } = reflow(["标题甲", "□ 张三", "", ...body("正文甲的第一段讲了一件事情的经过，写得很详细，也很生动。"), "标题乙", "", ...body("本报讯 正文乙的第一段讲了另一件事情，和前面的事情没有关系。")].join("\n"));
    const read = decisions.filter((decision) => decision.pass === "read");
    expect(read.length).toBeGreaterThanOrEqual(2);
    for (const decision of read) {
      expect(decision.confidence).toBeGreaterThanOrEqual(0.5);
      expect(decision.confidence).toBeLessThanOrEqual(1);
      expect(decision.message).toMatch(/margin/u);
    }
  });
});
