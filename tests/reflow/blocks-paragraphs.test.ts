import { describe, expect, it } from "vitest";
import { sideBySide } from "../../src/reflow/blocks.ts";
import { runPasses } from "../../src/reflow/index.ts";
import { isParagraphEnd } from "../../src/reflow/paragraphs.ts";
import { firstLineWidths, fullLineWidths, localColumnWidths } from "../../src/reflow/widths.ts";
import { displayWidth } from "../../src/reflow/text.ts";
import type { Line } from "../../src/types.ts";

const blocksOf = (raw: string) => runPasses(raw, "blocks").blocks;
const unitsOf = (raw: string) => runPasses(raw, "paragraphs").units;
const display = (raw: string) => blocksOf(raw).flatMap((block) => (block.kind === "display" ? [`${block.shape}:${block.lines.map((line) => line.text).join("")}`] : []));

/** A column of justified text, 14 ems wide: full lines, a first line two ems short, a short last line. */
const COLUMN = [
  "强化政治引领，广泛凝聚思想", // first line: 13 chars, 12.5 ems
  "共识。民革宁夏区委会始终高度",
  "重视思想政治工作，紧紧围绕新时",
  "代的要求，在各级组织和广大成员",
  "中深入开展主题教育和学习教育。",
  "加强自身建设，努力提升协商",
  "实效。多年来，自治区政协为各民",
  "主党派区委会建立了工作机制。",
  "注重沟通交流，认真履行工",
  "作职责。人民政协设立民主党派",
  "副秘书长，是一项重要安排。",
];

describe("localColumnWidths", () => {
  it("takes the width most neighbouring lines fill, ignoring first and last lines and long lines", () => {
    const widths = [13, 14, 14, 14.5, 9, 12, 14, 14, 80, 14, 6];
    expect(localColumnWidths(widths).every((width) => width >= 13.5 && width <= 14.5)).toBe(true);
  });
});

describe("blocks", () => {
  it("separates furniture from column flow", () => {
    const raw = ["进一步发挥民主党派在人民政协中的重要作用", "自治区政协副秘书长、民革宁夏区委会副主委 徐 勇", "", ...COLUMN, "", "（作者系广安市政协副秘书长）", ""].join("\n");
    expect(display(raw)).toEqual(["headline:进一步发挥民主党派在人民政协中的重要作用", "byline:自治区政协副秘书长、民革宁夏区委会副主委 徐 勇", "note:（作者系广安市政协副秘书长）"]);
    expect(blocksOf(raw).filter((block) => block.kind === "flow")).toHaveLength(1);
  });
  it("takes a dash at a line's end for a kicker only where the line stands apart from the text", () => {
    const inText = ["为市政协机关高效服务促运转留下了生", "动写照——以“精益求精、追求极致”", "为准则，践行理念，打造效能型机关。"].join("\n");
    expect(display(inText)).toEqual([]);
    const kicker = ["（作者系广安市政协副主席）", "广安市政协机关以实干担当书写履职答卷——", "奋楫扬帆正当时 凝心聚力谱新篇", ...COLUMN].join("\n");
    expect(display(kicker)).toEqual(["note:（作者系广安市政协副主席）", "kicker:广安市政协机关以实干担当书写履职答卷——", "headline:奋楫扬帆正当时 凝心聚力谱新篇"]);
  });
  it("reads a short line over a title no longer than itself as the title's first line, over a longer one as its column label", () => {
    expect(display(["橘子红了", "果 农 笑 了", "文/张三", ...COLUMN].join("\n"))).toEqual(["headline:橘子红了", "headline:果 农 笑 了", "byline:文/张三"]);
    expect(display(["委员论坛", "守住耕地红线端牢饭碗", "□张三", ...COLUMN].join("\n"))[0]).toBe("name:委员论坛");
  });
  it("reads a line without a stop right before the page's credits as a title (a head printed after its text)", () => {
    expect(display([...COLUMN, "", "老旧电梯更新改造提速", "", "责任编辑：陶志海  校对：谢鹏"].join("\n"))).toEqual(["headline:老旧电梯更新改造提速", "folio:责任编辑：陶志海 校对：谢鹏"]);
  });
  it("reads a wider column's first line after a narrow column as text, not as a title wider than its column", () => {
    const narrow = ["一步将在辖区另外", "四个老旧小区推广", "这一做法，力争明", "年底实现社区食堂", "全覆盖。", "", "本报讯 记者从市政", "务服务办公室获悉，", "八千万件。", ""];
    const wide = ["企业登记、社保转移、医保结算、户籍迁移等高频事项都", "可以在线上“一网通办”或线下专窗办理。不少在沪工作的外", "省市居民反映，以前回老家跑几趟才能办成的事，现在在家", "门口就能办好。"];
    expect(display([...narrow, ...wide].join("\n"))).toEqual([]);
  });
  it("reads a line wider than its column after one broken off at a comma as the sentence going on, not a title", () => {
    const raw = [...COLUMN.slice(0, 5), "协商议事室坚持群众点题，", "围绕农村饮水安全、老旧小区改造、背街小巷整治等议题", "开展协商。", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual([]);
  });
  it("reads a line of plain Han wider than a column of short turns, after one broken off past a comma, as running text", () => {
    const turns = ["记者：您怎么看？", "", "委员：这是好事。", "", "记者：还有呢？", ""];
    const raw = [...turns, "委员：是“建管并重”。建设农田要", "算好长远账，明确管护主体和资金。还", "有委员建议把耕地保护纳入领导干部离", "任审计。", "", ...turns].join("\n");
    expect(display(raw)).toEqual([]);
  });
  it("lets a title ask a question when a byline stands under it", () => {
    const raw = ["为什么要加强政协机关建设？", "□江 波", "", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:为什么要加强政协机关建设？", "byline:□江 波"]);
  });
  it("finds headlines standing between paragraphs without a byline", () => {
    const raw = [...COLUMN.slice(0, 5), "凝心铸魂固根基 打造“学习型”机关", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:凝心铸魂固根基 打造“学习型”机关"]);
  });
  it("finds a title as wide as the column, after a blank line, by the first line that starts short under it", () => {
    // COLUMN is 14 ems: a 13-character title, then a first line that lost its indent and goes on
    const raw = [...COLUMN.slice(0, 5), "", "让协商成果转化为治理实效", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:让协商成果转化为治理实效"]);
    // justification may spread the first line's characters: it still starts short
    const spread = [...COLUMN.slice(0, 5), "", "让协商成果转化为治理实效", "强 化 政 治 引 领 ， 广 泛 凝 聚", ...COLUMN.slice(6)].join("\n");
    expect(display(spread)).toEqual(["headline:让协商成果转化为治理实效"]);
    // the same line over a full line that goes on is a paragraph's first line
    const text = [...COLUMN.slice(0, 5), "", "让协商成果转化为治理实效", ...COLUMN.slice(6)].join("\n");
    expect(display(text)).toEqual([]);
  });
  it("finds a letter-spaced title close to its column's width by the first line that starts short under it", () => {
    // a 10-character title spaced out in a 14-em column, on the text with no blank line
    const raw = [...COLUMN.slice(0, 5), "让 协 商 成 果 转 化 为 实 效", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:让 协 商 成 果 转 化 为 实 效"]);
    // the same spaced line over a full line is justified text: a paragraph's first line
    const text = [...COLUMN.slice(0, 5), "让 协 商 成 果 转 化 为 实 效", ...COLUMN.slice(6)].join("\n");
    expect(display(text)).toEqual([]);
  });
  it("finds a title nearly as wide as the column over a caption or paragraph left on one long line", () => {
    const caption = "11月25日，游客在古城墙下的银杏大道拍照留念。 本报记者 张三 摄";
    const raw = [...COLUMN.slice(0, 5), "", "让协商成果转化为治理实效", caption, ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:让协商成果转化为治理实效"]);
  });
  it("reads a line over a caption whose full first line it falls short of as a photo story's title", () => {
    const raw = [...COLUMN.slice(0, 5), "", "城西湖灌区续建配套工程完工", "与会人员在城西湖灌区观摩续建", "配套工程。（受访者供图）", "", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:城西湖灌区续建配套工程完工"]);
  });
  it("reads a letter-spaced line as a title, right over the text or alone between blank lines", () => {
    const over = [...COLUMN.slice(0, 5), "", "冬 小 麦 管 理 正 当 时", ...COLUMN.slice(5)].join("\n");
    expect(display(over)).toEqual(["headline:冬 小 麦 管 理 正 当 时"]);
    // as wide as the column, as a justified line is, but alone between blank lines: no running text is
    const alone = [...COLUMN.slice(0, 5), "", "让 协 商 成 果 转 化 为 治 理 实 效 落 地", "", ...COLUMN.slice(5)].join("\n");
    expect(display(alone)).toEqual(["headline:让 协 商 成 果 转 化 为 治 理 实 效 落 地"]);
  });
  it("finds a photo story's title standing apart over its caption", () => {
    const caption = ["农技人员在田间查看小麦出苗", "情况。 本报记者 张三 摄"];
    const raw = [...COLUMN.slice(0, 5), "", "冬季农田水利建设推进会召开", "", ...caption, ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["headline:冬季农田水利建设推进会召开"]);
    // right on the caption, no blank line between: narrower than the caption's full first line
    const onCaption = [...COLUMN.slice(0, 5), "冬季农田水利建设推进会召", ...caption, ...COLUMN.slice(5)].join("\n");
    expect(display(onCaption)).toEqual(["headline:冬季农田水利建设推进会召"]);
    // right after another caption it may be the next caption's first line, broken at a column's end
    const series = [...COLUMN.slice(0, 5), "", ...caption, "农技人员在田间查看小麦", "", ...caption, ...COLUMN.slice(5)].join("\n");
    expect(display(series)).toEqual([]);
  });
  it("reads a caption wrapped over two lines as text, not its first line as a title", () => {
    const raw = [...COLUMN.slice(0, 5), "", "果农在果园里采摘成熟的砂糖", "橘（受访者供图）", "", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual([]);
  });
  it("reads a caption's first line as text when its credit wraps onto the mark alone, or a few words and a stop precede it", () => {
    const byline = ["首届乡村工匠技能大赛落幕", "本报记者 邹 阳"];
    const wrapped = [...byline, "选手在竹编项目比赛中展", "示技艺。 本报记者 张三", "摄", ...COLUMN].join("\n");
    expect(display(wrapped)).toEqual(["headline:首届乡村工匠技能大赛落幕", "byline:本报记者 邹 阳"]);
    const stopped = [...byline, "选手在竹编项目比赛中展示技艺", "一番。 本报记者 张三 摄", ...COLUMN].join("\n");
    expect(display(stopped)).toEqual(["headline:首届乡村工匠技能大赛落幕", "byline:本报记者 邹 阳"]);
  });
  it("reads the end of a credit broken mid-word as its caption's, not a short title", () => {
    const raw = ["非遗剪纸进课堂", "学生们在老师指导下学习剪纸技艺 本报记", "者 陆 明 摄", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:非遗剪纸进课堂"]);
  });
  it("reads a parenthesised photo credit on its own line as its caption's end, not an author's note", () => {
    const raw = [...COLUMN, "", "观众在博物馆夜场参观唐三彩展览", "（张三 摄）", "", ...COLUMN].join("\n");
    expect(display(raw)).toEqual([]);
  });
  it("never reads a caption's last line, ending in its credit, as a title, even over a byline", () => {
    const raw = [...COLUMN.slice(0, 5), "11月12日，市民在雪中的湖", "畔公园赏景 通讯员 张三 摄", "", "本报记者 邹 阳", ...COLUMN.slice(5)].join("\n");
    expect(display(raw)).toEqual(["byline:本报记者 邹 阳"]);
  });
  it("reads a line apart with no stop as a head printed after its text: the page's last, over another head, or on one", () => {
    // (titles nearly as wide as the 14-em column: no shorter than a first line that lost its indent)
    expect(display([...COLUMN, "", "全省冬季农田水利建设推进"].join("\n"))).toEqual(["headline:全省冬季农田水利建设推进"]);
    const overHead = [...COLUMN, "", "乡村振兴需要新农人新观念", "", "读 书 之 乐 与 履 职 之 要", "□江 波", "", ...COLUMN].join("\n");
    expect(display(overHead)).toEqual(["headline:乡村振兴需要新农人新观念", "headline:读 书 之 乐 与 履 职 之 要", "byline:□江 波"]);
    const secondLine = [...COLUMN, "", "“冰雪季”开启", "滑雪场迎来首批客人今冬开", "", ...COLUMN].join("\n");
    expect(display(secondLine)).toEqual(["headline:“冰雪季”开启", "headline:滑雪场迎来首批客人今冬开"]);
  });
  it("reads a line of characters all set apart, short of its column after finished text, as a letter-spaced title", () => {
    const raw = [...COLUMN, "", "新 建 公 园 向 市 民 开 放", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:新 建 公 园 向 市 民 开 放"]);
    expect(display(["渔 港 开 海 千 帆 竞 发", ...COLUMN].join("\n"))).toEqual(["headline:渔 港 开 海 千 帆 竞 发"]);
  });
  it("reads a line apart over a title on a byline as a head too (heads after their text stand in a row)", () => {
    const raw = [...COLUMN, "", "全省冬季农田水利建设推进", "", "跨省通办事项增至一百六十", "本报记者 邱 静", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:全省冬季农田水利建设推进", "headline:跨省通办事项增至一百六十", "byline:本报记者 邱 静"]);
  });
  it("reads a line apart over a caption whose credit's mark wraps alone as the photo story's title", () => {
    const raw = [...COLUMN, "", "新建滨河公园向市民开放了", "", "市民在新开放的滨河公园内", "散步健身。 本报记者 张三", "摄", "", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:新建滨河公园向市民开放了"]);
  });
  it("reads a role and name ending in 摄 under a caption as the caption's credit, not a byline", () => {
    const raw = ["橘子红了 果农笑了", "果农在果园里采摘成熟的砂糖橘。", "本报记者 张 三 摄", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:橘子红了 果农笑了"]);
  });
  it("reads a word between a byline and a longer title as the title's column label, not the byline's second line", () => {
    const raw = ["让协商成果转化为治理实效", "□江 波", "观察", "以绣花功夫做好提案办理", "□马宇天", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:让协商成果转化为治理实效", "byline:□江 波", "kicker:观察", "headline:以绣花功夫做好提案办理", "byline:□马宇天"]);
    const twoLines = ["让协商成果转化为治理实效", "市政协委员、律师事务所主任", "江波", "观察", "以绣花功夫做好提案办理", "□马宇天", ...COLUMN].join("\n");
    expect(display(twoLines).slice(1, 4)).toEqual(["byline:市政协委员、律师事务所主任", "name:江波", "kicker:观察"]);
  });
  it("reads a few characters apart from the byline above and the title below as a short title of their own", () => {
    // a title's second line printed right under it, a blank line before the next title: no column label
    const pair = [...COLUMN, "", "橘子红了", "果农笑了", "", "让协商成果转化为治理实效", "□马宇天", "", ...COLUMN].join("\n");
    expect(display(pair).slice(0, 2)).toEqual(["headline:橘子红了", "headline:果农笑了"]);
    // a short title between a byline and the next title, blank lines around it
    const short = [...COLUMN, "", "让协商成果转化为治理实效", "文/马宇天", "", "第一场雪", "", "以绣花功夫做好提案办理", "□江 波", "", ...COLUMN].join("\n");
    expect(display(short)).toContain("headline:第一场雪");
  });
  it("joins a note that wraps over two lines", () => {
    const raw = [...COLUMN, "（作者系广安市政协秘书长、党组成员、", "机关党组书记）"].join("\n");
    expect(display(raw)).toEqual(["note:（作者系广安市政协秘书长、党组成员、机关党组书记）"]);
  });
});

describe("paragraphs", () => {
  it("breaks where a stop meets a short line or an indented first line, not at column breaks", () => {
    const raw = [...COLUMN.slice(0, 3), "", ...COLUMN.slice(3)].join("\n");
    expect(unitsOf(raw).map((unit) => unit.text.slice(0, 6))).toEqual(["强化政治引领", "加强自身建设", "注重沟通交流"]);
  });
  it("ends a paragraph at a flush stop before a blank line where blank lines part the page's paragraphs", () => {
    const flush = ["强化政治引领，广泛凝聚思想", "共识。民革宁夏区委会始终高度", "重视思想政治工作紧紧围绕要求。"];
    const full = ["代的要求，在各级组织和广", "大成员中深入开展主题教育和学习"];
    const short = ["加强自身建设，努力提升协商", "实效。多年来，自治区政协为各民", "主党派建立了机制。"];
    // other paragraphs end short before a blank line: a stop at a blank line ends its paragraph, flush or not
    const parted = [...flush, "", ...full, ...short, "", ...short, "", ...short].join("\n");
    expect(unitsOf(parted).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "代的要求", "加强自身", "加强自身"]);
    // where blank lines are column breaks, not paragraph ends, the same flush stop runs on
    const column = ["代的要求，在各级组织和广大成员", "中深入开展主题教育和学习教育，"];
    const unparted = [...flush, "", ...column, ...short, ...short, ...short].join("\n");
    expect(unitsOf(unparted).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "加强自身"]);
    // a full line after the blank is a column break's, parted page or not: the paragraph runs on
    const broken = [...flush, "", ...column, ...short, "", ...short, "", ...short].join("\n");
    expect(unitsOf(broken).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "加强自身"]);
  });
  it("ends a paragraph at a flush stop before a blank line and a short line, even where blanks are column breaks", () => {
    // blank lines mid-sentence (column breaks) on a page whose paragraphs are not parted: a box's end
    // still leaves a blank, and the first line after it is short
    const first = ["强化政治引领，广泛凝聚思想", "共识。民革宁夏区委会始终高度", "重视思想政治工作紧紧围绕要求。"];
    const next = ["加强自身建设，努力提升协商", "实效。多年来，自治区政协为各民", "主党派建立了机制，在各级组织和", "", "广大成员中深入开展主题教育。"];
    const raw = [...first, "", ...next, ...next.slice(0, 3), "中深入开展主题教育和学习教育。"].join("\n");
    expect(unitsOf(raw).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "加强自身"]);
  });
  it("reads a clause broken before 摄 mid-sentence as no photo credit, and a closing line over a whole caption as no caption's", () => {
    const column = ["11月1日零时，全市集中供热", "系统正式点火升温，比往年提", "前五天。受近期冷空气影响，市", "区最低气温已降至零下二摄", "氏度，市政府决定提前启动供", "暖。"];
    expect(unitsOf(column.join("\n")).map((unit) => unit.text.slice(-3))).toEqual(["供暖。"]);
    const quote = ["“新电梯又快又稳，还装了", "能联网的监控，心里踏实多了。”", "七十六岁的居民蒋玉珍说。", "", "市民在新开放的滨河公园内散步健身。 本报记者 张三 摄"];
    expect(unitsOf(quote.join("\n")).map((unit) => unit.text.slice(-3))).toEqual(["珍说。", "张三摄"]);
  });
  it("never ends a paragraph inside a quotation opened on the line", () => {
    const raw = ["古人云：“问渠那得清如许？", "为有源头活水来。”读书是修身", "之本，也是履职之基。"].join("\n");
    expect(unitsOf(raw)).toHaveLength(1);
  });
  it("joins a sentence that ends flush with a first line to the full line after it", () => {
    const lines: Line[] = [
      { text: "轮岗交流，实现向“源头活水”转变。", width: 16, core: 15.5 },
      { text: "市政协机关制定《机关干部职工轮岗交流", width: 18, core: 18 },
      { text: "锻炼管理办法》，按照培养“梯队式”人才", width: 18, core: 18 },
    ].map((line, i) => ({ ...line, number: i + 1, indented: false, spread: false, blankBefore: false, blankAfter: false, gaps: [] }));
    expect(isParagraphEnd(lines, [18, 18, 18], 0, true).isEnd).toBe(false);
    expect(isParagraphEnd(lines, [18, 18, 18], 0, false).isEnd).toBe(true);
  });
  it("takes a short line of two balanced clauses after a flush stop as the paragraph's last line, unless the page sets run-in headings", () => {
    // COLUMN is 14 ems: a first line that ends flush with its stop, then a short closing line
    const paragraph = ["古人云：问渠那得清如许呢。", "读书是修身之本，履职之基。"];
    const plain = [...COLUMN.slice(0, 5), ...paragraph, ...COLUMN.slice(5)].join("\n");
    expect(unitsOf(plain).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "古人云：", "加强自身", "注重沟通"]);
    // a blank line after the short line closes the paragraph too, however wide the line after it
    const wide = ["共识。民革宁夏区委会始终高度", "重视思想政治工作，紧紧围绕新时", "代的要求。"];
    const blank = [...COLUMN.slice(0, 5), ...paragraph, "", ...wide].join("\n");
    expect(unitsOf(blank).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "古人云：", "共识。民"]);
    // two such lines standing clear of the text (after a short stop): the page's sections open with them
    const heading = "落实议题，把稳思想。";
    const section = ["注重沟通交流，认真履行工", "作职责。人民政协设立民主党派", "是一项重要安排。"];
    const sections = [...section, heading, ...section, heading, ...section, ...paragraph, ...section].join("\n");
    expect(unitsOf(sections).map((unit) => unit.text.slice(0, 4))).toEqual(["注重沟通", "落实议题", "注重沟通", "落实议题", "注重沟通", "古人云：", "读书是修", "注重沟通"]);
    // the same lines each followed by a blank line end their boxes (closing sentences), heading nothing
    const closers = [...section, heading, "", ...section, heading, "", ...section, ...paragraph, ...section].join("\n");
    expect(unitsOf(closers).map((unit) => unit.text.slice(0, 4))).toEqual(["注重沟通", "落实议题", "注重沟通", "落实议题", "注重沟通", "古人云：", "注重沟通"]);
  });
  it("takes a line too short for a first line after a flush stop as the paragraph's last line when text follows it", () => {
    // COLUMN is 14 ems: a full line that ends flush with its stop, then a 9-em line with a stop
    const paragraph = ["加强自身建设，努力提升协商", "实效。多年来自治区政协建立机制。", "运行以来，成效明显。"];
    const inside = [...COLUMN.slice(0, 5), ...paragraph, ...COLUMN.slice(5)].join("\n");
    expect(unitsOf(inside).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "加强自身", "注重沟通"]);
    // at the flow's end the short line is a story's closing one-line paragraph
    const closing = [...COLUMN.slice(0, 5), ...paragraph].join("\n");
    expect(unitsOf(closing).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "运行以来"]);
    // a plain statement with no comma may be a caption set between paragraphs: it stands alone
    const statement = [...COLUMN.slice(0, 5), ...paragraph.slice(0, 2), "市政协机关召开座谈会。", ...COLUMN.slice(5)].join("\n");
    expect(unitsOf(statement).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "市政协机", "加强自身", "注重沟通"]);
  });
  it("ends a flow on a closing one-line paragraph as wide as a first line, unless a quotation closed before it", () => {
    // COLUMN is 14 ems: a full line ending flush, then a 12-em line ending the flow
    const flush = ["加强自身建设，努力提升协商", "实效。多年来自治区政协建立了机"];
    const closing = [...COLUMN.slice(0, 5), ...flush.slice(0, 1), "实效。多年来自治区政协建立机制。", "以人民为中心落到场景中去。"].join("\n");
    expect(unitsOf(closing).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身", "以人民为"]);
    // a quote closed at the line's end: the speaker is named in the same paragraph
    const quoted = [...COLUMN.slice(0, 5), ...flush.slice(0, 1), "实效。“多年来政协建立了机制。”", "七十六岁的居民蒋玉珍说道。"].join("\n");
    expect(unitsOf(quoted).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "加强自身"]);
  });
  it("breaks after a flush stop where the next line is as wide as the column's known first lines", () => {
    // 14-em column: known first lines (after a head, after a short stop) are 12 ems; full lines 14
    const first = "强化政治引领，广泛凝聚思想"; // 12.5 ems, a first line
    const flushEnd = ["重视思想政治工作紧紧围绕要", "求，在各级组织中开展主题教育。"];
    // the next paragraph's first line is half an em wider than the first one: too little for "starts short"
    const lines: Line[] = [first, "共识。民革宁夏区委会始终高度", ...flushEnd, "强化政治引领，广泛凝聚，思想", "共识。民革宁夏区委会始终高度", "是一项重要安排。"].map((text, i) => ({
      text, number: i + 1, width: displayWidth(text), core: displayWidth(text), indented: false, spread: false, blankBefore: false, blankAfter: false, gaps: [],
    }));
    const widths = lines.map(() => 14);
    const fullWidths = fullLineWidths(lines, widths);
    const flow = { fullWidths, firstWidths: firstLineWidths(lines, fullWidths) };
    expect(isParagraphEnd(lines, widths, 3, false, flow)).toMatchObject({ isEnd: true });
    // without the column's first lines to measure by, the same flush stop runs on
    expect(isParagraphEnd(lines, widths, 3, false, { fullWidths }).isEnd).toBe(false);
  });
  it("measures full lines by the one or two surely full lines beside a line when the column has few", () => {
    // paragraphs of two or three lines: one line mid-sentence on both ends, 15.5 ems, among first and last lines
    const texts = ["强化政治引领，广泛凝聚思想", "共识，民革宁夏区委会始终高度重视", "思想政治工作要求。", "加强自身建设，努力提升协商", "实效。"];
    const lines: Line[] = texts.map((text, i) => ({ text, number: i + 1, width: displayWidth(text), core: displayWidth(text), indented: false, spread: false, blankBefore: false, blankAfter: false, gaps: [] }));
    // it tells for the lines beside it, not for those further off (another column's, perhaps)
    expect(fullLineWidths(lines, lines.map(() => 14))).toEqual([15.5, 15.5, 15.5, 15.5, 14]);
    // a caption's credit line, wide as it runs, is no full line of the column
    const credited = [...texts.slice(0, 1), "市民在新开放的滨河公园内散步健身。 本报记者 龙东 摄", "公园内的儿童游乐区吸引不少家长带孩子游玩 本报记者 韦霞 摄"];
    const captionLines = credited.map((text, i) => ({ ...lines[0]!, text, number: i + 1, width: displayWidth(text), core: displayWidth(text) }));
    expect(fullLineWidths(captionLines, captionLines.map(() => 14))).toEqual([14, 14, 14]);
  });
  it("makes a paragraph of each long line that ends a sentence", () => {
    const long = "来自全区各级政协机关负责人齐聚一堂，在交流中凝聚共识、在交流中互学互鉴，集思广益推进政协机关工作全面提质增效。";
    const raw = ["编者按：", long, long, ...COLUMN].join("\n");
    expect(unitsOf(raw).slice(0, 3).map((unit) => unit.text)).toEqual(["编者按：", long, long]);
  });
  it("reads a line spread by justification as full", () => {
    const raw = [...COLUMN.slice(0, 5), "让政协机关干部一同参加政", "协委员履职能力专题培训，扩大", "培 训 ，不 断 拓 宽 发 展 视", "野，增强“懂政协、会协商”的履职", "内生动力。"].join("\n");
    expect(unitsOf(raw).map((unit) => unit.text.slice(0, 4))).toEqual(["强化政治", "让政协机"]);
  });
});

describe("sideBySide", () => {
  const line = (text: string, gaps: number[] = []): Line => ({ number: 1, text, indented: false, width: 0, core: 0, spread: false, blankBefore: false, blankAfter: false, gaps });
  it("parts two headlines of neighbouring columns on one extracted line", () => {
    expect(sideBySide(line("中国海油人工智能模型发布 中 国 海 油 党 组 召 开")).map((piece) => piece.text)).toEqual(["中国海油人工智能模型发布", "中 国 海 油 党 组 召 开"]);
    expect(sideBySide(line("渔港开海千帆竞发 非遗剪纸进课堂", [8])).map((piece) => piece.text)).toEqual(["渔港开海千帆竞发", "非遗剪纸进课堂"]);
  });
  it("keeps a headline of two phrases whole", () => {
    expect(sideBySide(line("当好一流参谋 做好一流“中枢”推进政协工作创新发展"))).toHaveLength(1);
  });
});
