// Names, places and posts for bylines, datelines, author notes and page credits, drawn by a seeded
// random source so every generated page is reproducible.

export type Random = () => number;

export const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;
export const chance = (p: number, random: Random) => random() < p;
export const between = (min: number, max: number, random: Random) => min + Math.floor(random() * (max - min + 1));

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红斌婷辉鹏飞宇浩然嘉怡欣悦晨阳子涵一诺思远梓萱俊哲雨泽晓东海燕立新志成建国文博昊天语桐雪梅春生秋实冬青振宇"];

/** A person's name, two or three characters. */
export function personName(random: Random): string {
  const given = chance(0.3, random) ? pick(GIVEN, random) : pick(GIVEN, random) + pick(GIVEN, random);
  return pick(SURNAMES, random) + given;
}

/** Several different names. */
export function personNames(count: number, random: Random): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(personName(random));
  return [...names];
}

/** Two-character names are often padded to three ems in print: `江 波`. */
export function padded(name: string, random: Random, p = 0.5): string {
  return [...name].length === 2 && chance(p, random) ? [...name].join(" ") : name;
}

export const PLACES = ["嘉兴市", "绵阳市", "赣州市", "洛阳市", "柳州市", "宜昌市", "遵义市", "泉州市", "包头市", "天水市", "湛江市", "常德市", "潍坊市", "盐城市", "大理州", "延边州", "铜仁市", "日照市"];
const UNITS = ["政协", "政协提案委员会", "委党校", "社会科学院", "发展和改革委员会", "民政局", "大学马克思主义学院", "政协文史委员会", "农业农村局", "总工会"];
const POSTS = ["主任", "副主任", "教授", "副研究员", "副秘书长", "讲师", "研究员", "干部", "副主席"];

/** `（作者系某市某单位某职）` */
export function authorNote(random: Random): string {
  return `（作者系${pick(PLACES, random)}${pick(UNITS, random)}${pick(POSTS, random)}）`;
}

/** A role line printed before (or above) a writer's name: `嘉兴市政协委员`. */
export function roleLine(random: Random): string {
  return pick(
    [`${pick(PLACES, random)}政协委员`, `${pick(PLACES, random)}政协常委`, `${pick(PLACES, random)}${pick(UNITS, random)}${pick(POSTS, random)}`, "省政协委员、民建省委会副主委", "市政协委员、律师事务所主任"],
    random,
  );
}

export const COLUMN_LABELS = ["【委员访谈】", "委员论坛", "【履职感悟】", "海天螺号", "【民生关注】", "基层声音", "【理论前沿】", "观察"];
const SECTIONS = ["要闻", "综合", "理论", "评论", "协商", "民生", "视觉", "经济"];
const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八"];

/** A running header or folio line: date, weekday, page and section, in one of the orders papers print. */
export function folio(random: Random): string {
  const date = `${pick(["2024", "2025", "2026"], random)}年${between(1, 12, random)}月${between(1, 28, random)}日 星期${pick(WEEKDAYS, random)}`;
  const page = pick([`第${between(1, 8, random)}版`, `${String(between(1, 8, random)).padStart(2, "0")}版`, `第${pick(NUMERALS, random)}版`], random);
  const section = pick(SECTIONS, random);
  return pick([`${date}  ${page}  ${section}`, `${section}  ${date}  ${page}`, `${page} ${section}  ${date}`], random);
}

/** A production credit line. */
export function productionCredit(random: Random): string {
  const [a, b, c] = personNames(3, random);
  return pick([`责任编辑：${a}  版式设计：${b}`, `责任编辑：${a}  校对：${c}`, `本版编辑 ${a}  美编 ${b}`, `责任编辑：${padded(a!, random)}`, `（文字整理 ${a} 图片拍摄 ${b}）`], random);
}

/** Where a story continues: `（下转第二版）`. */
export function jumpLine(random: Random): string {
  return pick([`（下转第${pick(NUMERALS.slice(1), random)}版）`, `（下转第${between(2, 8, random)}版）`, `（紧转第${pick(NUMERALS.slice(1), random)}版）`], random);
}

const PAPERS = [
  ["江南日报", "JIANGNAN DAILY"],
  ["西部工人报", "WESTERN WORKERS NEWS"],
  ["海滨时报", "COASTAL TIMES"],
  ["协商导报", "CONSULTATION HERALD"],
] as const;

/** Masthead furniture above a front page: the paper's name in Latin letters, its publisher, its serial numbers. */
export function masthead(random: Random): string[] {
  const [name, latin] = pick(PAPERS, random);
  const lines = [
    latin,
    `${name}社主管主办`,
    `国内统一连续出版物号 CN ${between(11, 65, random)}-${String(between(1, 999, random)).padStart(4, "0")}  邮发代号 ${between(1, 99, random)}-${between(1, 99, random)}`,
    `总第${between(3000, 12000, random)}期  今日${pick(["四", "八", "十二"], random)}版`,
  ];
  return lines.filter(() => chance(0.7, random));
}

/**
 * The random choices behind one page and the layout features they add. A varied page draws every
 * optional feature by its chance; a focused page is plain except for its one feature, so that the
 * bench can tell which feature a reflow fails on.
 */
export class Draw {
  readonly features = new Set<string>();
  constructor(
    readonly random: Random,
    readonly focus?: string,
  ) {}

  /** An optional feature: on a varied page drawn with chance p, on a focused page present only if it is the focus. */
  use(feature: string, p: number): boolean {
    const yes = this.focus === undefined ? chance(p, this.random) : feature === this.focus;
    if (yes) this.features.add(feature);
    return yes;
  }

  /** One of several styles, each with its feature (none: plain); a focused page takes the first unless the focus names another. */
  style<T>(options: readonly (readonly [T, string?])[]): T {
    const chosen = this.focus === undefined ? pick(options, this.random) : (options.find(([, tag]) => tag === this.focus) ?? options[0]!);
    if (chosen[1]) this.features.add(chosen[1]);
    return chosen[0];
  }

  /** A feature the page has by its content, whatever the draw. */
  has(feature: string): void {
    this.features.add(feature);
  }
}
