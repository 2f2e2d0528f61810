// A small digest shaped like an e-paper archive, for the site's tests: two publications, one with
// two dates, one issue of two pages; stories whose words are known (for honest search); a page with
// credits; hostile author, page and publication names; a byline name too long for a file name.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A page of stories: each a headline, a byline and paragraphs; then the page's credit lines. */
function page(stories: { title: string; byline: string; paragraphs: string[] }[], credits: string[] = []): string {
  const text = stories.map((story) => [story.title, story.byline, "", ...story.paragraphs.map((p) => `    ${p}\n`)].join("\n"));
  return `${text.join("\n")}${credits.map((credit) => `\n    ${credit}\n`).join("")}`;
}

const sidecar = (meta: Record<string, string | number>) => Object.entries(meta).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join("\n") + "\n";

// the cases of the hardening issue: a byline and a page name that ran script on the search page
export const HOSTILE_AUTHOR = "<details/open/ontoggle=alert(5)>";
export const HOSTILE_PAGE = "<img src=x onerror=alert(6)>";
export const HOSTILE_PUBLICATION = "乙报<script>alert(7)</script>";
/** 90 Han characters: 270 bytes, more than a file name may take. */
export const LONG_AUTHOR = "长".repeat(90);

/** Titles of the fixture's stories, by what they hold. */
export const TITLES = {
  /** 足球, 熊猫 */
  football: "周末足球比赛 吸引市民观看",
  /** 熊猫; its page's credits name 罗鸣 */
  zoo: "动物园迎来新成员",
  /** 熊猫, 铁路 */
  railway: "新铁路开通 熊猫专列首发",
  may: "劳动节假期 景区秩序井然",
  /** 铁路, under hostile names */
  hostile: "城际铁路规划公布",
  long: "一位作者的名字很长",
};

const FILLER = "记者在现场看到，工作人员各司其职，市民秩序井然，大家纷纷表示满意，这样的安排让人放心。";

/** The fixture's sources folder: NAME.txt and NAME.meta.yaml for each page. */
export function epaperSources(): string {
  const folder = mkdtempSync(join(tmpdir(), "broadsheet-epaper-"));
  const write = (name: string, text: string, meta: Record<string, string | number>) => {
    writeFileSync(join(folder, `${name}.txt`), text);
    writeFileSync(join(folder, `${name}.meta.yaml`), sidecar(meta));
  };
  write(
    "jia-0630-1",
    page(
      [
        { title: TITLES.football, byline: "□张 三", paragraphs: [`本报讯 周末，市体育场举行足球比赛，许多市民带着孩子前来观看。场边还有熊猫玩偶与观众合影，气氛十分热烈。${FILLER}`, `比赛结束后，组织者表示今后还将继续举办类似的活动。${FILLER}`] },
        { title: TITLES.zoo, byline: "□李 四", paragraphs: [`本报讯 日前，市动物园迎来两只大熊猫，吸引了众多游客。工作人员介绍，熊猫馆每天上午九点开放。${FILLER}`] },
      ],
      ["（文字整理 罗 鸣）"],
    ),
    { publication: "甲报", date: "2025-06-30", page: "要闻", pageNumber: 1 },
  );
  write(
    "jia-0630-2",
    page([{ title: TITLES.railway, byline: "□王 五", paragraphs: [`本报讯 新建铁路今日开通，首趟熊猫主题专列从南站发车。${FILLER}`, `沿线各站同步开放。${FILLER}`] }]),
    { publication: "甲报", date: "2025-06-30", page: "城市", pageNumber: 2 },
  );
  write("jia-0501-1", page([{ title: TITLES.may, byline: "□赵 六", paragraphs: [`本报讯 假期里各景区游人如织。${FILLER}`] }]), { publication: "甲报", date: "2025-05-01", page: "要闻", pageNumber: 1 });
  write(
    "yi-0630-1",
    page([{ title: TITLES.hostile, byline: `□${HOSTILE_AUTHOR}`, paragraphs: [`本报讯 城际铁路规划今日公布，沿线城市将迎来新的发展。${FILLER}`] }]),
    { publication: HOSTILE_PUBLICATION, date: "2025-06-30", page: HOSTILE_PAGE, pageNumber: 1 },
  );
  write("yi-0630-2", page([{ title: TITLES.long, byline: `□${LONG_AUTHOR}`, paragraphs: [`本报讯 这篇文章的署名很长。${FILLER}`] }]), { publication: HOSTILE_PUBLICATION, date: "2025-06-30", page: "副刊", pageNumber: 2 });
  return folder;
}
