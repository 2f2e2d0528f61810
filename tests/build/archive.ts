// A synthetic archive for the build test and the bench: the gold stories of the bundled samples
// typeset again (tests/reflow/typeset.ts) at varied column widths, four pages per date, each with
// a dated sidecar. Each page's paragraphs are drawn afresh from the samples' sentences, so that its
// texts differ from every other page's as a real archive's do (whatever is cached or indexed by
// text then meets as many texts as in use). Deterministic: the same count gives the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { goldPages } from "../reflow/goldstories.ts";
import { type Layout, type PageStory, randomSource, typeset } from "../reflow/typeset.ts";

export const PAGES_PER_DATE = 4;
const WIDTHS = [11, 13, 15, 17, 19, 21];
const PUBLICATIONS = ["试刊政协报", "样张日报"];

const SENTENCE_END = /(?<=[。！？])/u;
const SENTENCES = goldPages.flatMap((page) =>
  page.stories.flatMap((story) => story.blocks.filter((block) => block.type === "paragraph").flatMap((block) => block.text.split(SENTENCE_END))),
);

/** The stories with each paragraph's sentences replaced by as many drawn from all the samples'. */
function retold(stories: readonly PageStory[], random: () => number): PageStory[] {
  const draw = () => SENTENCES[Math.floor(random() * SENTENCES.length)]!;
  return stories.map((story) => ({
    ...story,
    blocks: story.blocks.map((block) => (block.type === "paragraph" ? { ...block, text: block.text.split(SENTENCE_END).map(draw).join("") } : block)),
  }));
}

/** The day `days` after 2020-01-01, as YYYY-MM-DD. */
const dateAfter = (days: number) => new Date(Date.UTC(2020, 0, 1 + days)).toISOString().slice(0, 10);

/** The `k`th page of the archive: its name, text and sidecar. */
export function archivePage(k: number): { name: string; text: string; meta: string } {
  const gold = goldPages[k % goldPages.length]!;
  const columnWidth = WIDTHS[k % WIDTHS.length]!;
  const layout: Layout = { columnWidth, columnHeight: 37, doubleSpaced: false, headsAfterRuns: 0, displaceSections: false, spreadChance: 0, tightParagraphChance: 0, widthJitter: 0, longLineChance: 0 };
  const issue = Math.floor(k / PAGES_PER_DATE);
  const meta = [`publication: ${PUBLICATIONS[issue % PUBLICATIONS.length]}`, `date: ${dateAfter(issue)}`, `page: 第${(k % PAGES_PER_DATE) + 1}版`, `pageNumber: ${(k % PAGES_PER_DATE) + 1}`];
  return { name: `p${String(k).padStart(5, "0")}`, text: typeset(retold(gold.stories, randomSource(k)), gold.credits, layout, k), meta: `${meta.join("\n")}\n` };
}

/** Write `count` pages (`NAME.txt` + `NAME.meta.yaml`) into `folder`. */
export function writeArchive(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let k = 0; k < count; k++) {
    const { name, text, meta } = archivePage(k);
    writeFileSync(join(folder, `${name}.txt`), text);
    writeFileSync(join(folder, `${name}.meta.yaml`), meta);
  }
}
