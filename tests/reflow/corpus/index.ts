// The reflow's measuring stick: pages generated from stories the reflow was never tuned on, each with
// its gold. `generateCorpus(seed, count)` is deterministic; `corpusPages` yields them one at a time.
import { displayWidth } from "../../../src/reflow/text.ts";
import { type PageLayout, type PageStory, type StoryPrint, typesetPage } from "../typeset.ts";
import { between, chance, folio, masthead, pick, productionCredit, type Random } from "./people.ts";
import { BANK_SIZES, type CorpusStory, type Genre, corpusStory } from "./stories.ts";
import { randomSource } from "../typeset.ts";

export type { Genre } from "./stories.ts";

export interface CorpusPage {
  name: string;
  /** What kind of page it is (front page, news, opinion, interview, theory, photo). */
  kind: string;
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

function repeat<T>(item: T, count: number): T[] {
  return Array.from({ length: count }, () => item);
}

/** Distinct stories of each genre for one page. */
function drawStories(genres: Genre[], random: Random): CorpusStory[] {
  const used = new Set<string>();
  return genres.map((genre) => {
    let index = between(0, BANK_SIZES[genre] - 1, random);
    while (used.has(`${genre}${index}`) && used.size < 40) index = (index + 1) % BANK_SIZES[genre];
    used.add(`${genre}${index}`);
    return corpusStory(genre, index, random);
  });
}

/** Where heads stand: all before their bodies, mixed (one run displaced either way), or all after. */
function placeHeads(count: number, random: Random, features: string[]): Pick<StoryPrint, "headAfter" | "sharesRun">[] {
  const mode = pick(["first", "first", "mixed", "mixed", "mostlyAfter", "after"] as const, random);
  features.push(`heads-${mode}`);
  if (mode === "first" || count < 2) return repeat({}, count);
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

export function generatePage(seed: number, index: number): CorpusPage {
  const random = randomSource(seed * 7919 + index);
  const kind = pick(Object.keys(KINDS), random);
  const stories = drawStories(KINDS[kind]!(random), random);
  const features = new Set(stories.flatMap((story) => story.features));
  const pageFeatures: string[] = [];
  const heads = placeHeads(stories.length, random, pageFeatures);
  const uniform = chance(0.4, random) ? between(11, 28, random) : 0;
  if (!uniform) pageFeatures.push("varied-widths");
  const prints: StoryPrint[] = stories.map((story, i) => ({ ...story.print, ...heads[i], columnWidth: uniform || between(11, 28, random) }));
  for (const print of prints) {
    const tooWide = print.story.blocks.some((block) => block.type === "heading" && !/[。！？]$/u.test(block.text) && displayWidth(block.text) > print.columnWidth);
    if (tooWide) pageFeatures.push("wrapped-heading");
  }
  const header: string[] = [];
  const footer: string[] = [];
  const folioAt = pick(["top", "top", "bottom", "none"] as const, random);
  if (folioAt === "top") header.push(folio(random));
  if (folioAt === "bottom") footer.push(folio(random));
  if (folioAt !== "none") pageFeatures.push(`folio-${folioAt}`);
  if (kind === "front" && chance(0.6, random)) {
    header.unshift(...masthead(random));
    if (header.length > (folioAt === "top" ? 1 : 0)) pageFeatures.push("masthead");
  }
  if (chance(0.5, random)) {
    footer.push(productionCredit(random));
    pageFeatures.push("production-credit");
  }
  // two heads side by side: the left one on one line, the right one without a kicker above it
  const pairable = prints.flatMap((print, i) => {
    const next = prints[i + 1];
    return next && !print.headAfter && !next.headAfter && !next.story.kicker && (print.titleLines?.length ?? 1) === 1 ? [i] : [];
  });
  const titlePairs = pairable.length && chance(0.2, random) ? [pick(pairable, random)] : [];
  if (titlePairs.length) pageFeatures.push("title-pair");
  const layout: PageLayout = {
    header,
    footer,
    titlePairs,
    columnHeight: between(24, 45, random),
    doubleSpaced: chance(0.12, random),
    displaceSections: kind === "theory" && chance(0.2, random),
    spreadChance: pick([0, 0.03, 0.06], random),
    tightParagraphChance: pick([0.05, 0.1, 0.3, 0.6, 0.9, 1], random),
    widthJitter: 0.5,
    longLineChance: chance(0.15, random) ? 0.3 : 0,
    digitSpacing: chance(0.3, random),
    keepSpaces: true,
    orphanStopChance: chance(0.15, random) ? 0.1 : 0,
  };
  if (layout.orphanStopChance) pageFeatures.push("orphan-stop");
  if (layout.doubleSpaced) pageFeatures.push("double-spaced");
  if (layout.displaceSections) pageFeatures.push("displaced-sections");
  if (layout.longLineChance) pageFeatures.push("long-lines");
  if (layout.digitSpacing) pageFeatures.push("digit-spacing");
  return {
    name: `corpus-${seed}-${String(index).padStart(3, "0")}-${kind}`,
    kind,
    text: typesetPage(prints, layout, seed * 31 + index),
    gold: { stories: prints.map((print) => print.story), credits: [...header, ...footer] },
    genres: [...new Set(stories.map((story) => story.genre))],
    features: [...new Set([...features, ...pageFeatures])].sort(),
  };
}

/** The corpus one page at a time, so a long run holds one page in memory. */
export function* corpusPages(seed: number, count: number): Generator<CorpusPage> {
  for (let i = 0; i < count; i++) yield generatePage(seed, i);
}

export function generateCorpus(seed: number, count: number): CorpusPage[] {
  return [...corpusPages(seed, count)];
}
