// Turn the written stories into gold stories (src/types.ts Story, by ../shared/EDITION.md) together with
// how each is printed: its dateline or byline style, title lines, captions and credits, drawn at random.
import type { Block } from "../../../src/types.ts";
import type { PageStory, StoryPrint } from "../typeset.ts";
import { COMMENTARIES, type Commentary, INTERVIEWS, type Interview } from "./opinion.ts";
import { LEADS, type LeadStory, PHOTOS, type PhotoStory, THEORY, type TheoryArticle } from "./features.ts";
import { NEWS, type NewsItem } from "./news.ts";
import { COLUMN_LABELS, authorNote, chance, jumpLine, padded, personNames, pick, type Random, roleLine } from "./people.ts";

export type Genre = "news" | "interview" | "theory" | "commentary" | "photo" | "lead";

/** A story ready for a page: its print (gold inside) and the layout features it exercises. */
export interface CorpusStory {
  genre: Genre;
  print: Omit<StoryPrint, "columnWidth">;
  features: string[];
}

const paragraphs = (texts: readonly string[]): Block[] => texts.map((text) => ({ type: "paragraph", text }));
const letterSpaced = (line: string) => [...line].join(" ");

/** Title lines as printed: a short line is sometimes letter-spaced to fill its width. */
function printTitle(lines: readonly string[], features: string[], random: Random): string[] {
  if (lines.length > 1) features.push("two-line-title");
  const printed = [...lines];
  const k = lines.length > 1 ? lines.length - 1 : 0;
  if ([...lines[k]!].length <= 10 && chance(lines.length > 1 ? 0.35 : 0.15, random)) {
    printed[k] = letterSpaced(lines[k]!);
    features.push("spaced-title");
  }
  return printed;
}

/** An inline dateline (reporters into `authors`, no byline) or a byline line, and the first paragraph. */
function dateline(item: { city: string; date: string; paragraphs: string[] }, random: Random, features: string[]) {
  const [a, b, c] = personNames(3, random);
  const first = item.paragraphs[0]!;
  const gap = chance(0.4, random) ? " " : ""; // pdftotext often leaves a gap before the bracket
  const style = pick(["bracket", "bracket", "reported", "bare", "wire", "byline", "twoLineByline"] as const, random);
  if (style !== "byline" && style !== "twoLineByline") features.push("no-byline", `dateline-${style}`);
  switch (style) {
    case "bracket": {
      const [text, authors] = pick(
        [
          [`本报讯${gap}（记者 ${a} 通讯员 ${b}）`, [a, b]],
          [`本报讯${gap}（记者${a}）`, [a]],
          [`本报讯${gap}（通讯员 ${a}）`, [a]],
          [`本报讯${gap}（记者 ${a} ${b} 通讯员 ${c}）`, [a, b, c]],
        ] as [string, string[]][],
        random,
      );
      return { first: text + first, authors };
    }
    case "reported":
      return { first: `本报讯 记者${a}报道 ${first}`, authors: [a!] };
    case "bare":
      return { first: `本报讯 ${first}`, authors: [] };
    case "wire": {
      const reporters = chance(0.5, random) ? [a!] : [a!, b!];
      return { first: `新华社${item.city}${item.date}电（记者${reporters.join(" ")}）${first.slice(item.date.length + 1)}`, authors: reporters };
    }
    case "byline":
      return { first, authors: [a!], byline: `本报记者 ${padded(a!, random)}` };
    case "twoLineByline": {
      features.push("byline-two-lines");
      const lines = [`本报记者 ${padded(a!, random)}`, `通讯员 ${padded(b!, random)}`];
      return { first, authors: [a!, b!], byline: lines.join(" "), bylineLines: lines };
    }
  }
}

function withByline(story: PageStory, byline: string | undefined): PageStory {
  return byline ? { ...story, byline } : story;
}

function news(item: NewsItem, random: Random): CorpusStory {
  const features: string[] = [];
  const titleLines = printTitle(item.title, features, random);
  const opening = dateline(item, random, features);
  const blocks = paragraphs([opening.first, ...item.paragraphs.slice(1)]);
  const photo = item.caption && chance(0.6, random) ? creditedCaption(item.caption, random, features) : undefined;
  // a news photo stands above the story's text, as on front pages, or after its first paragraph
  if (photo) blocks.splice(chance(0.7, random) ? 0 : 1, 0, { type: "caption", text: photo.text });
  if (chance(0.15, random)) {
    blocks.push({ type: "paragraph", text: jumpLine(random) });
    features.push("jump-line");
  }
  let story: PageStory = withByline({ title: item.title.join(" "), authors: opening.authors, blocks }, opening.byline);
  if (photo?.photographer) story.photographers = [photo.photographer];
  // a bare 本报讯 story is often signed: the writer's name alone on its last line
  const signed = !opening.authors.length && chance(0.4, random);
  if (signed) {
    const [writer] = personNames(1, random);
    story = { ...story, byline: writer!, authors: [writer!] };
    features.push("byline-signature");
  }
  if (chance(0.12, random)) {
    story = { kicker: pick(COLUMN_LABELS, random), ...story };
    features.push("column-label");
  }
  return { genre: "news", print: { story, titleLines, bylineLines: opening.bylineLines, signature: signed }, features };
}

/** A writer's byline: □name, a role line, role and name on two lines, or a signature at the end. */
function writerByline(random: Random, features: string[]) {
  const [name] = personNames(1, random);
  const style = pick(["box", "box", "role", "split", "signature"] as const, random);
  features.push(`byline-${style}`);
  const shown = padded(name!, random, style === "signature" ? 0 : 0.5);
  if (style === "box") return { byline: pick([`□${shown}`, `□ ${shown}`], random), authors: [name!] };
  if (style === "signature") return { byline: name!, authors: [name!], signature: true };
  const role = roleLine(random);
  if (style === "role") return { byline: `${role} ${shown}`, authors: [name!] };
  return { byline: `${role} ${shown}`, bylineLines: [role, shown], authors: [name!] };
}

function commentary(item: Commentary, random: Random): CorpusStory {
  const features: string[] = [];
  const titleLines = printTitle(item.title, features, random);
  const writer = writerByline(random, features);
  let story: PageStory = { title: item.title.join(" "), byline: writer.byline, authors: writer.authors, blocks: paragraphs(item.paragraphs) };
  if (!writer.signature && chance(0.6, random)) {
    story.authorNote = authorNote(random);
    features.push("author-note");
  }
  if (chance(0.3, random)) {
    story = { kicker: pick(COLUMN_LABELS, random), ...story };
    features.push("column-label");
  }
  return { genre: "commentary", print: { story, titleLines, bylineLines: writer.bylineLines, signature: writer.signature }, features };
}

function interview(item: Interview, random: Random): CorpusStory {
  const features = ["interview-labels"];
  const titleLines = printTitle(item.title, features, random);
  const [reporter, second] = personNames(2, random);
  const qa = item.guest === "答";
  const turns = item.turns.map(([question, text]) => `${question ? (qa ? "问" : "记者") : item.guest}：${text}`);
  const intro = chance(0.25, random) ? [`编者按：${item.intro[0]}`, ...item.intro.slice(1)] : item.intro;
  if (intro !== item.intro) features.push("run-in-label");
  let story: PageStory = { title: item.title.join(" "), authors: [], blocks: paragraphs([...intro, ...turns]) };
  let bylineLines: string[] | undefined;
  const byline = pick(["one", "two", "none"] as const, random);
  if (byline === "one") story = { ...story, byline: `本报记者 ${padded(reporter!, random)}`, authors: [reporter!] };
  if (byline === "two") {
    bylineLines = [`本报记者 ${padded(reporter!, random)}`, `通讯员 ${padded(second!, random)}`];
    story = { ...story, byline: bylineLines.join(" "), authors: [reporter!, second!] };
    features.push("byline-two-lines");
  }
  if (byline === "none") features.push("no-byline");
  if (chance(0.5, random)) {
    story = { kicker: pick(["【委员访谈】", "【对话】", "委员访谈"], random), ...story };
    features.push("column-label");
  }
  return { genre: "interview", print: { story, titleLines, bylineLines }, features };
}

function theory(item: TheoryArticle, random: Random): CorpusStory {
  const features = ["numbered-headings"];
  const titleLines = printTitle(item.title, features, random);
  const writer = writerByline(random, features);
  const blocks = paragraphs(item.lead);
  for (const [heading, texts] of item.sections) blocks.push({ type: "heading", text: heading }, ...paragraphs(texts));
  const story: PageStory = { title: item.title.join(" "), byline: writer.byline, authors: writer.authors, blocks };
  if (chance(0.3, random)) {
    story.subtitle = pick(["——学习贯彻全会精神的几点思考", "——基于三个县的调查", "——兼论新时代的实践路径"], random);
    features.push("deck");
  }
  if (!writer.signature && chance(0.7, random)) {
    story.authorNote = authorNote(random);
    features.push("author-note");
  }
  return { genre: "theory", print: { story, titleLines, bylineLines: writer.bylineLines, signature: writer.signature }, features };
}

/** A caption with its credit: `本报记者 赵六 摄`, `（施雨桐 摄）`, `（受访者供图）`, with or without a stop. */
function creditedCaption(caption: string, random: Random, features: string[]): { text: string; photographer?: string } {
  const [name] = personNames(1, random);
  const text = chance(0.3, random) ? caption.replace(/。$/u, "") : caption;
  if (text !== caption) features.push("caption-no-stop");
  const style = pick(["reporter", "paren", "supplied", "correspondent"] as const, random);
  features.push(`caption-${style}`);
  if (style === "reporter") return { text: `${text} 本报记者 ${padded(name!, random)} 摄`, photographer: name };
  if (style === "correspondent") return { text: `${text} 通讯员 ${name} 摄`, photographer: name };
  if (style === "paren") return { text: `${text}（${name} 摄）`, photographer: name };
  return { text: `${text}（受访者供图）` };
}

function photo(item: PhotoStory, random: Random): CorpusStory {
  const features: string[] = [];
  const titleLines = printTitle(item.title, features, random);
  const captions = item.captions.map((caption) => creditedCaption(caption, random, features));
  const photographers = captions.flatMap((caption) => (caption.photographer ? [caption.photographer] : []));
  const blocks = paragraphs(item.paragraphs);
  const captionBlocks: Block[] = captions.map((caption) => ({ type: "caption", text: caption.text }));
  // the first photo stands above the text or after its first paragraph, a second one further down
  blocks.splice(chance(0.5, random) ? 0 : 1, 0, captionBlocks[0]!);
  if (captionBlocks[1]) blocks.splice(blocks.length - (blocks.length > 2 ? 1 : 0), 0, captionBlocks[1]);
  let story: PageStory = { title: item.title.join(" "), authors: [], blocks };
  let bylineLines: string[] | undefined;
  if (chance(0.4, random)) {
    const [writer, shooter] = personNames(2, random);
    bylineLines = [`文/${writer}`, `图/${shooter}`];
    story = { ...story, byline: bylineLines.join(" "), authors: [writer!] };
    photographers.unshift(shooter!);
    features.push("byline-two-lines");
  } else features.push("no-byline");
  if (photographers.length) story.photographers = photographers;
  return { genre: "photo", print: { story, titleLines, bylineLines, captionsOnOneLine: chance(0.6, random) }, features };
}

function lead(item: LeadStory, random: Random): CorpusStory {
  const features = ["kicker", "deck"];
  const titleLines = printTitle(item.title, features, random);
  const opening = dateline(item, random, features);
  const blocks = paragraphs([opening.first, ...item.paragraphs.slice(1)]);
  if (chance(0.3, random)) {
    blocks.push({ type: "paragraph", text: jumpLine(random) });
    features.push("jump-line");
  }
  const dashed = chance(0.25, random);
  if (dashed) features.push("kicker-dash");
  const story = withByline({ kicker: dashed ? `${item.kicker}——` : item.kicker, title: item.title.join(" "), subtitle: item.deck, authors: opening.authors, blocks }, opening.byline);
  return { genre: "lead", print: { story, titleLines, bylineLines: opening.bylineLines }, features };
}

const BUILDERS: Record<Genre, (random: Random, index: number) => CorpusStory> = {
  news: (random, i) => news(NEWS[i % NEWS.length]!, random),
  interview: (random, i) => interview(INTERVIEWS[i % INTERVIEWS.length]!, random),
  theory: (random, i) => theory(THEORY[i % THEORY.length]!, random),
  commentary: (random, i) => commentary(COMMENTARIES[i % COMMENTARIES.length]!, random),
  photo: (random, i) => photo(PHOTOS[i % PHOTOS.length]!, random),
  lead: (random, i) => lead(LEADS[i % LEADS.length]!, random),
};

export const BANK_SIZES: Record<Genre, number> = {
  news: NEWS.length,
  interview: INTERVIEWS.length,
  theory: THEORY.length,
  commentary: COMMENTARIES.length,
  photo: PHOTOS.length,
  lead: LEADS.length,
};

/** Story number `index` of a genre's bank, with its print style drawn from `random`. */
export function corpusStory(genre: Genre, index: number, random: Random): CorpusStory {
  return BUILDERS[genre](random, index);
}
