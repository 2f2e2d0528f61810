import { describe, expect, it } from "vitest";
import { COLUMN, display } from "./column.ts";

// The headline tests blocks asks of each line (headlines.ts): heads printed after their text, letter-spaced
// titles, and the captions and credits that are no titles.
describe("headlines", () => {
  it("reads a line of plain Han wider than a column of short turns, after one broken off past a comma, as running text", () => {
    const turns = ["记者：您怎么看？", "", "委员：这是好事。", "", "记者：还有呢？", ""];
    const raw = [...turns, "委员：是“建管并重”。建设农田要", "算好长远账，明确管护主体和资金。还", "有委员建议把耕地保护纳入领导干部离", "任审计。", "", ...turns].join("\n");
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
  it("reads a caption's first line after a blank as text, not a title over a line that starts short and goes on", () => {
    const raw = [...COLUMN, "", "公园内的儿童游乐区吸引不少", "孩子们前来游玩。（张三 摄）", ...COLUMN].join("\n");
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
  it("reads a line of characters all set apart near its column's width as a title when no text goes on after it", () => {
    // 12 characters spread in the 14-em column: a justified first line would go on in the next line
    const raw = [...COLUMN, "", "全 县 首 批 共 享 农 机 投 入 秋 播"].join("\n");
    expect(display(raw)).toEqual(["headline:全 县 首 批 共 享 农 机 投 入 秋 播"]);
    const overCaption = [...COLUMN, "", "全 县 首 批 共 享 农 机 投 入 秋 播", "农机手在田间作业。 本报记者 张三 摄", ...COLUMN].join("\n");
    expect(display(overCaption)).toEqual(["headline:全 县 首 批 共 享 农 机 投 入 秋 播"]);
    const onText = [...COLUMN, "", "全 县 首 批 共 享 农 机 投 入 秋 播", ...COLUMN.slice(1)].join("\n");
    expect(display(onText)).toEqual([]);
  });
  it("reads a line apart over a caption whose credit's mark wraps alone as the photo story's title", () => {
    const raw = [...COLUMN, "", "新建滨河公园向市民开放了", "", "市民在新开放的滨河公园内", "散步健身。 本报记者 张三", "摄", "", ...COLUMN].join("\n");
    expect(display(raw)).toEqual(["headline:新建滨河公园向市民开放了"]);
  });
  it("reads a person's name under a numbered heading short of its line as a signature, not the heading's rest", () => {
    const raw = [...COLUMN, "三、提高协商能力和水平", "叶阳军", "", "【理论前沿】"].join("\n");
    expect(display(raw)).toContain("name:叶阳军");
  });
});
