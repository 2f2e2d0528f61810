// Who wrote and who photographed a story, read off its byline as printed.
import { allHan, characterCount, isHan, isSpaceCode } from "./text.ts";

export interface Credits {
  authors: string[];
  photographers: string[];
}

/** Posts that name writers: 记者 (reporter), 通讯员 (correspondent), 实习生, 编辑, 作者. */
const WRITER_POST = /^(?:本报|特约|见习)*(?:记者|通讯员|实习生|编辑|作者)/u;
/** A credit with a slash or colon: `文/`, `图/`, `摄影：`, or two at once: `文/图 `. */
const SLASHED_CREDIT = /^((?:文|图|摄影|摄)(?:[/／](?:文|图|摄影|摄))+(?=$|[/／:：])|(?:文|图|摄影|摄|记者|作者)(?=\s*[/／:：]))\s*[/／:：]?\s*/u;

/** What parts names in a run of tokens: 、，,；; and whitespace (what `\s` matches). */
export function isNameGap(code: number): boolean {
  return code === 0x3001 || code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b || isSpaceCode(code);
}

/** Names in a run of tokens: single characters padded apart (`徐 勇`) belong to one name. */
export function namesIn(text: string): string[] {
  const names: string[] = [];
  let padded = "";
  // tokens cut at the gaps by code, not by a regex split and a filter: every short line of a page is asked this
  for (let start = 0, end = 0; start < text.length; start = end) {
    if (isNameGap(text.charCodeAt(start))) {
      end = start + 1;
      continue;
    }
    for (end = start + 1; end < text.length && !isNameGap(text.charCodeAt(end)); ) end++;
    const token = text.slice(start, end);
    if (characterCount(token) === 1 && isHan(token)) {
      padded += token;
      continue;
    }
    if (padded) names.push(padded);
    padded = "";
    names.push(token);
  }
  if (padded) names.push(padded);
  return names;
}

/**
 * The commonest Chinese surnames (together most of the population) and the double ones: a name
 * line starting with one is a person's signature, not a column label (`观察`, `委员论坛`). Marked in a table by
 * code (all in the BMP): read per short line, with no one-character string made to look one up.
 */
const SURNAMES = new Uint8Array(0x10000);
for (const surname of "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝") SURNAMES[surname.charCodeAt(0)] = 1;
const DOUBLE_SURNAMES = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|独孤)/u;

/** A person's name by its shape: two to four Han characters opening with a surname. */
export function isPersonName(name: string): boolean {
  // counted and read by code, not spread into characters: asked of every short line's words (surnames are all in the BMP)
  const length = characterCount(name);
  if (length < 2 || length > 4 || !allHan(name)) return false;
  return DOUBLE_SURNAMES.test(name) ? length >= 3 : SURNAMES[name.charCodeAt(0)] === 1 && length <= 3;
}

/** How posts and trades end in Chinese (秘书长, 主任, 书记, 委员, 记者, 教授…): a role before a name. */
export const ROLE_ENDING = /(?:长|主任|书记|委员|常委|主委|主席|记者|编辑|主编|教授|研究员|员|者|顾问|经理|总监|秘书|助理|代表|干部|律师|医师|教师|讲师)$/u;

/** A body that people hold posts in: a place or an organisation (市, 县, 政协, 党校, 大学, 公司…). */
const ORGANISATION = /[省市县区州镇乡村委会院校局厅部社所司协团党]/u;

/** A role and a name in one token: Han characters and the marks units are named with. */
const ROLE_AND_NAME = /^[\p{Script=Han}、（）()·]+$/u;
/** Either half of a surrogate pair (no `u` flag: with it a whole pair is one character and goes unseen). */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A role and a three-character name printed without a space (`泉州市政协委员严生语`): the role, naming
 * a place or organisation and ending in a post, and the name after it.
 */
export function splitRoleName(token: string): [role: string, name: string] | undefined {
  // the name comes last: a line whose last three characters are no name is not scanned whole
  const tail = token.slice(-3);
  if (tail.length === 3 && !SURROGATE.test(tail) && !isPersonName(tail)) return undefined;
  if (!ROLE_AND_NAME.test(token)) return undefined; // most lines fail here: spread none into characters
  const chars = [...token];
  if (chars.length < 6) return undefined;
  const role = chars.slice(0, -3).join("");
  const name = chars.slice(-3).join("");
  return ROLE_ENDING.test(role) && ORGANISATION.test(role.replace(ROLE_ENDING, "")) && isPersonName(name) ? [role, name] : undefined;
}

/**
 * Names run together without a space (`肖强汤萍子`): split where both parts read as names, the
 * second opening with a surname; a token that is one name, or cannot be split, stays as it is.
 */
export function splitNames(token: string): string[] {
  const chars = [...token];
  if (isPersonName(token) || chars.length < 4 || chars.length > 6) return [token];
  for (const cut of chars.length === 5 ? [2, 3] : [chars.length / 2]) {
    const [first, second] = [chars.slice(0, cut).join(""), chars.slice(cut).join("")];
    if (isPersonName(first) && isPersonName(second)) return [first, second];
  }
  return [token];
}

/** Four Han characters at most: counted and read by code, not spread into characters (asked twice of every byline token). */
function isNameLike(token: string): boolean {
  return characterCount(token) <= 4 && allHan(token);
}

/** The names of the run of tokens go to each of the roles, and the run starts afresh. (A module function, not a
 *  closure per byline: under tsx each named closure made costs a `defineProperty`.) */
function flush(credits: Credits, roles: readonly (keyof Credits)[], run: string[]): void {
  for (const name of namesIn(run.join(" "))) for (const role of roles) credits[role].push(name);
  run.length = 0;
}

/**
 * Read a byline token by token: credits (`文/`, `图/`, `记者`) say whose names follow; a job
 * title before the names (`石嘴山市政协秘书长 李小宏`) is skipped; `摄` after names makes them
 * photographers.
 */
export function parseByline(byline: string): Credits {
  const credits: Credits = { authors: [], photographers: [] };
  let roles: (keyof Credits)[] = ["authors"];
  const run: string[] = []; // name tokens since the last credit
  const tokens = byline.replace(/^[□■◎\s]+/u, "").trim().split(/\s+/u);
  tokens.forEach((token, index) => {
    const slashed = SLASHED_CREDIT.exec(token);
    if (slashed) {
      flush(credits, roles, run);
      const spec = slashed[1]!;
      roles = [...(/文|记者|作者/u.test(spec) ? ["authors" as const] : []), ...(/图|摄/u.test(spec) ? ["photographers" as const] : [])];
      token = token.slice(slashed[0].length);
    } else if (WRITER_POST.test(token)) {
      flush(credits, roles, run);
      roles = ["authors"];
      token = token.replace(WRITER_POST, "");
    } else if (token === "摄" || token === "摄影") {
      roles = ["photographers"];
      flush(credits, roles, run);
      return;
    }
    if (!token) return;
    const glued = isNameLike(token) ? undefined : splitRoleName(token);
    if (glued) token = glued[1];
    // a job title before the names is not a name; nor is anything after the names but `摄`
    const beforeNames = run.length === 0 && credits.authors.length + credits.photographers.length === 0;
    if (!isNameLike(token) && beforeNames && index < tokens.length - 1) return;
    run.push(token);
  });
  flush(credits, roles, run);
  return credits;
}
