// The reflow's measuring stick: pages generated from stories the reflow was never tuned on, each with
// its gold. `generateCorpus(seed, count)` is deterministic; `corpusPages` yields them one at a time.
// Most pages are varied (every feature drawn by its chance); some are plain but for one feature, so a
// feature's figures in the bench are not blurred by the others.
import { displayWidth } from "../../../src/reflow/text.ts";
import { type PageLayout, type PageStory, type StoryPrint, randomSource, typesetPage } from "../typeset.ts";
import { Draw, between, chance, folio, masthead, pick, productionCredit, type Random } from "./people.ts";
import { BANK_SIZES, type CorpusStory, type Genre, corpusStory } from "./stories.ts";

export type { Genre } from "./stories.ts";

export interface CorpusPage {
  name: string;
  /** What kind of page it is (front page, news, opinion, interview, theory, photo). */
  kind: string;
  /** The one feature a focused page has, "plain" for none; undefined on a varied page. */
  focus?: string;
  text: string;
  gold: { stories: PageStory[]; credits: string[] };
  genres: Genre[];
  /** Layout features the page exercises: dateline styles, head shapes, directions, credits… */
  features: string[];
}

/** The genres of each kind of page, in reading order; a count range for the repeated ones. */
const KINDS: Record<string, (random: Random) => Genre[]> = {
  front: (random) => ["lead", ...repeat<Genre>("news", between(1, 3, random)), ...(chance(0.6, random) ? ["commentary" as const] : []), "photo"],
  news: (random) => [...repeat<Genre>("news", between(3, 5, random)), ...(chance(0.4, random) ? ["photo" as const] : [])],
  opinion: (random) => repeat<Genre>("commentary", between(3, 5, random)),
  interview: (random) => ["interview", ...repeat<Genre>(pick(["news", "commentary"] as const, random), between(1, 2, random))],
  theory: (random) => ["theory", ...repeat<Genre>("commentary", between(0, 2, random))],
  photo: (random) => [...repeat<Genre>("photo", between(2, 3, random)), ...repeat<Genre>("news", between(1, 2, random))],
};

const LAYOUT_KINDS = ["news", "opinion"];
/** Each feature a focused page may have, and the kinds of page it occurs on. */
const FOCUS: Record<string, string[]> = {
  plain: Object.keys(KINDS),
  ...Object.fromEntries(["dateline-bracket", "dateline-reported", "dateline-bare", "dateline-wire", "dateline-local", "byline-two-lines", "jump-line", "column-label", "news-photo", "two-line-title", "spaced-title"].map((f) => [f, ["news"]])),
  ...Object.fromEntries(["caption-reporter", "caption-paren", "caption-supplied", "caption-correspondent", "caption-no-stop"].map((f) => [f, ["photo"]])),
  ...Object.fromEntries(["byline-role", "byline-split", "byline-signature", "author-note"].map((f) => [f, ["opinion"]])),
  ...Object.fromEntries(["wrapped-heading", "displaced-sections", "deck"].map((f) => [f, ["theory"]])),
  ...Object.fromEntries(["kicker-dash", "masthead"].map((f) => [f, ["front"]])),
  "run-in-label": ["interview"],
  ...Object.fromEntries(
    ["heads-mixed", "heads-mostlyAfter", "heads-after", "varied-widths", "centered-heads", "folio-top", "folio-bottom", "production-credit", "title-pair", "double-spaced", "long-lines", "digit-spacing", "orphan-stop"].map((f) => [f, LAYOUT_KINDS]),
  ),
};
export const FOCUSES = Object.keys(FOCUS);

function repeat<T>(item: T, count: number): T[] {
  return Array.from({ length: count }, () => item);
}

/** Distinct stories of each genre for one page. */
function drawStories(genres: Genre[], draw: Draw): CorpusStory[] {
  const used = new Set<string>();
  return genres.map((genre) => {
    let index = between(0, BANK_SIZES[genre] - 1, draw.random);
    while (used.has(`${genre}${index}`) && used.size < 40) index = (index + 1) % BANK_SIZES[genre];
    used.add(`${genre}${index}`);
    return corpusStory(genre, index, draw);
  });
}

/** Where heads stand: all before their bodies, mixed (one run displaced either way), or all after. */
function placeHeads(count: number, draw: Draw): Pick<StoryPrint, "headAfter" | "sharesRun">[] {
  const random = draw.random;
  const mode = count < 2 ? "first" : draw.style([["first"], ["first"], ["mixed", "heads-mixed"], ["mixed", "heads-mixed"], ["mostlyAfter", "heads-mostlyAfter"], ["after", "heads-after"]] as const);
  if (mode === "first") return repeat({}, count);
  if (mode === "after") {
    const shares = chance(0.5, random);
    return Array.from({ length: count }, (_, i) => ({ headAfter: true, sharesRun: shares && i % 2 === 1 }));
  }
  // one run of one to three neighbours placed the other way from the rest
  const length = Math.min(count - 1, between(1, 3, random));
  const start = between(0, count - length, random);
  const inRun = (i: number) => i >= start && i < start + length;
  if (mode === "mixed") return Array.from({ length: count }, (_, i) => (inRun(i) ? { headAfter: true, sharesRun: i > start } : {}));
  return Array.from({ length: count }, (_, i) => (inRun(i) ? {} : { headAfter: true }));
}

/** Column widths: one for the page, or one per story; a plain page keeps its headings within the column. */
function columnWidths(prints: Omit<StoryPrint, "columnWidth">[], draw: Draw): number[] {
  const headings = prints.flatMap((print) => print.story.blocks.filter((block) => block.type === "heading" && !/[。！？]$/u.test(block.text)));
  const widest = Math.max(0, ...headings.map((block) => Math.ceil(displayWidth(block.text))));
  const narrowest = draw.focus === undefined || !headings.length ? 11 : draw.focus === "wrapped-heading" ? 11 : Math.max(11, widest);
  const widths = draw.use("varied-widths", 0.6) ? prints.map(() => between(narrowest, Math.max(28, narrowest), draw.random)) : repeat(between(narrowest, Math.max(28, narrowest), draw.random), prints.length);
  if (draw.focus === "wrapped-heading") return widths.map(() => Math.min(13, widest - 1));
  return widths;
}

export function generatePage(seed: number, index: number): CorpusPage {
  const random = randomSource(seed * 7919 + index);
  // odd pages are focused, taking each feature in turn, so every feature gets its share of pages
  const focused = index % 2 === 1;
  const focus = focused ? FOCUSES[((index - 1) / 2) % FOCUSES.length] : undefined;
  const kind = focus ? pick(FOCUS[focus]!, random) : pick(Object.keys(KINDS), random);
  const draw = new Draw(random, focus);
  const stories = drawStories(KINDS[kind]!(random), draw);
  const heads = placeHeads(stories.length, draw);
  const widths = columnWidths(stories.map((story) => story.print), draw);
  const prints: StoryPrint[] = stories.map((story, i) => ({ ...story.print, ...heads[i], columnWidth: widths[i]! }));
  for (const print of prints) {
    const tooWide = print.story.blocks.some((block) => block.type === "heading" && !/[。！？]$/u.test(block.text) && displayWidth(block.text) > print.columnWidth);
    if (tooWide) draw.has("wrapped-heading");
  }
  const header: string[] = [];
  const footer: string[] = [];
  const folioAt = draw.style([["none"], ["top", "folio-top"], ["top", "folio-top"], ["bottom", "folio-bottom"]] as const);
  if (folioAt === "top") header.push(folio(random));
  if (folioAt === "bottom") footer.push(folio(random));
  if (kind === "front" && draw.use("masthead", 0.6)) header.unshift(...masthead(random));
  if (draw.use("production-credit", 0.5)) footer.push(productionCredit(random));
  // two heads side by side: the left one on one line, the right one without a kicker above it
  const pairable = prints.flatMap((print, i) => {
    const next = prints[i + 1];
    return next && !print.headAfter && !next.headAfter && !next.story.kicker && (print.titleLines?.length ?? 1) === 1 ? [i] : [];
  });
  const titlePairs = pairable.length && draw.use("title-pair", 0.2) ? [pick(pairable, random)] : [];
  const layout: PageLayout = {
    header,
    footer,
    titlePairs,
    columnHeight: between(24, 45, random),
    doubleSpaced: draw.use("double-spaced", 0.12),
    displaceSections: kind === "theory" && draw.use("displaced-sections", 0.2),
    spreadChance: focused ? 0.03 : pick([0, 0.03, 0.06], random),
    tightParagraphChance: pick([0.05, 0.1, 0.3, 0.6, 0.9, 1], random),
    widthJitter: 0.5,
    longLineChance: draw.use("long-lines", 0.15) ? 0.3 : 0,
    digitSpacing: draw.use("digit-spacing", 0.3),
    centeredHeads: draw.use("centered-heads", 0.15),
    keepSpaces: true,
    orphanStopChance: draw.use("orphan-stop", 0.15) ? 0.1 : 0,
  };
  return {
    name: `corpus-${seed}-${String(index).padStart(3, "0")}-${kind}${focus ? `-${focus}` : ""}`,
    kind,
    ...(focus ? { focus } : {}),
    text: typesetPage(prints, layout, seed * 31 + index),
    gold: { stories: prints.map((print) => print.story), credits: [...header, ...footer] },
    genres: [...new Set(stories.map((story) => story.genre))],
    features: [...draw.features].sort(),
  };
}

/** The corpus one page at a time, so a long run holds one page in memory. */
export function* corpusPages(seed: number, count: number): Generator<CorpusPage> {
  for (let i = 0; i < count; i++) yield generatePage(seed, i);
}

export function generateCorpus(seed: number, count: number): CorpusPage[] {
  return [...corpusPages(seed, count)];
}
