// The round trip's pages: stories of the hand-checked sample pages, a few at a time, each page in
// its own layout. Deterministic: page N is always the same, so a failure can be replayed.
import { goldPages } from "../reflow/goldstories.ts";
import { randomSource } from "../reflow/typeset.ts";
import { type TestPage, randomLayout } from "./pages.ts";

const MASTHEADS = [
  ["测试日报", "2025年6月30日 星期一", "第4版 · 要闻"],
  ["Broadsheet Daily", "2024年1月5日 星期五", "第2版 · 综合"],
  ["海滨晚报", "2023年12月31日 星期日", "第12版"],
];

export function testPage(seed: number): TestPage {
  const random = randomSource(seed * 7919);
  const source = goldPages[seed % goldPages.length]!;
  const count = Math.min(source.stories.length, 2 + Math.floor(random() * 4));
  const start = Math.floor(random() * (source.stories.length - count + 1));
  return {
    layout: randomLayout(seed),
    stories: source.stories.slice(start, start + count),
    credits: random() < 0.5 ? source.credits : ["责任编辑：王 五  校对：赵 六"],
    masthead: MASTHEADS[seed % MASTHEADS.length]!,
  };
}
