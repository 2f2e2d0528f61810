// Turn the written stories into gold stories (src/types.ts Story, by ../shared/EDITION.md) together with
// how each is printed: its dateline or byline style, title lines, captions and credits, drawn at random.
import type { Block } from "../../../src/types.ts";
import type { PageStory, StoryPrint } from "../typeset.ts";
import { COMMENTARIES, type Commentary, INTERVIEWS, type Interview } from "./opinion.ts";
import { LEADS, type LeadStory, PHOTOS, type PhotoStory, THEORY, type TheoryArticle } from "./features.ts";
import { NEWS, type NewsItem } from "./news.ts";
import { COLUMN_LABELS, type Draw, authorNote, chance, jumpLine, padded, personNames, pick, roleLine } from "./people.ts";

export type Genre = "news" | "interview" | "theory" | "commentary" | "photo" | "lead";

/** A story ready for a page: how it is printed, its gold inside. */
export interface CorpusStory {
  genre: Genre;
  print: Omit<StoryPrint, "columnWidth">;
}

const paragraphs = (texts: readonly string[]): Block[] => texts.map((text) => ({ type: "paragraph", text }));
const letterSpaced = (line: string) => [...line].join(" ");

/** Title lines as printed (a two-line title may also be set on one line); a short line is sometimes letter-spaced. */
function printTitle(lines: readonly string[], draw: Draw): string[] {
  const printed = lines.length > 1 && draw.use("two-line-title", 0.85) ? [...lines] : [lines.join(" ")];
  const k = printed.length - 1;
  if ([...printed[k]!].length <= 10 && draw.use("spaced-title", printed.length > 1 ? 0.35 : 0.15)) printed[k] = letterSpaced(printed[k]!);
  return printed;
}

/** An inline dateline (reporters into `authors`, no byline) or a byline line, and the first paragraph. */
function dateline(item: { city: string; date: string; paragraphs: string[] }, draw: Draw) {
  const random = draw.random;
  const [a, b, c] = personNames(3, random);
  const first = item.paragraphs[0]!;
  const gap = chance(0.4, random) ? " " : ""; // pdftotext often leaves a gap before the bracket
  const style = draw.style([["byline"], ["bracket", "dateline-bracket"], ["bracket", "dateline-bracket"], ["reported", "dateline-reported"], ["bare", "dateline-bare"], ["wire", "dateline-wire"], ["local", "dateline-local"], ["twoLineByline", "byline-two-lines"]] as const);
  if (style !== "byline" && style !== "twoLineByline") draw.has("no-byline");
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
    case "local": // 本报杭州11月26日电（记者 张三）: the paper's own reporter, filing from a city
      return { first: `本报${item.city}${item.date}电${gap}（记者 ${a}）${first.slice(item.date.length + 1)}`, authors: [a!] };
    case "byline":
      return { first, authors: [a!], byline: `本报记者 ${padded(a!, random)}` };
    case "twoLineByline": {
      const lines = [`本报记者 ${padded(a!, random)}`, `通讯员 ${padded(b!, random)}`];
      return { first, authors: [a!, b!], byline: lines.join(" "), bylineLines: lines };
    }
  }
}

function withByline(story: PageStory, byline: string | undefined): PageStory {
  return byline ? { ...story, byline } : story;
}

function news(item: NewsItem, draw: Draw): CorpusStory {
  const random = draw.random;
  const titleLines = printTitle(item.title, draw);
  const opening = dateline(item, draw);
  const blocks = paragraphs([opening.first, ...item.paragraphs.slice(1)]);
  const photo = item.caption && draw.use("news-photo", 0.6) ? creditedCaption(item.caption, draw) : undefined;
  // a news photo stands above the story's text, as on front pages, or after its first paragraph
  if (photo) blocks.splice(chance(0.7, random) ? 0 : 1, 0, { type: "caption", text: photo.text });
  if (draw.use("jump-line", 0.15)) blocks.push({ type: "paragraph", text: jumpLine(random) });
  let story: PageStory = withByline({ title: item.title.join(" "), authors: opening.authors, blocks }, opening.byline);
  if (photo?.photographer) story.photographers = [photo.photographer];
  // a bare 本报讯 story is often signed: the writer's name alone on its last line
  const signed = !opening.authors.length && draw.use("byline-signature", 0.4);
  if (signed) {
    const [writer] = personNames(1, random);
    story = { ...story, byline: writer!, authors: [writer!] };
  }
  if (draw.use("column-label", 0.12)) story = { kicker: pick(COLUMN_LABELS, random), ...story };
  return { genre: "news", print: { story, titleLines, bylineLines: opening.bylineLines, signature: signed } };
}

/** A writer's byline: □name, a role line, role and name on two lines, or a signature at the end. */
function writerByline(draw: Draw) {
  const random = draw.random;
  const [name] = personNames(1, random);
  const style = draw.style([["box", "byline-box"], ["box", "byline-box"], ["role", "byline-role"], ["split", "byline-split"], ["signature", "byline-signature"]] as const);
  const shown = padded(name!, random, style === "signature" ? 0 : 0.5);
  if (style === "box") return { byline: pick([`□${shown}`, `□ ${shown}`], random), authors: [name!] };
  if (style === "signature") return { byline: name!, authors: [name!], signature: true };
  const role = roleLine(random);
  if (style === "role") return { byline: `${role} ${shown}`, authors: [name!] };
  return { byline: `${role} ${shown}`, bylineLines: [role, shown], authors: [name!] };
}

function commentary(item: Commentary, draw: Draw): CorpusStory {
  const titleLines = printTitle(item.title, draw);
  const writer = writerByline(draw);
  let story: PageStory = { title: item.title.join(" "), byline: writer.byline, authors: writer.authors, blocks: paragraphs(item.paragraphs) };
  if (!writer.signature && draw.use("author-note", 0.6)) story.authorNote = authorNote(draw.random);
  if (draw.use("column-label", 0.3)) story = { kicker: pick(COLUMN_LABELS, draw.random), ...story };
  return { genre: "commentary", print: { story, titleLines, bylineLines: writer.bylineLines, signature: writer.signature } };
}

function interview(item: Interview, draw: Draw): CorpusStory {
  const random = draw.random;
  draw.has("interview-labels");
  const titleLines = printTitle(item.title, draw);
  const [reporter, second] = personNames(2, random);
  const qa = item.guest === "答";
  const turns = item.turns.map(([question, text]) => `${question ? (qa ? "问" : "记者") : item.guest}：${text}`);
  const intro = draw.use("run-in-label", 0.25) ? [`编者按：${item.intro[0]}`, ...item.intro.slice(1)] : item.intro;
  let story: PageStory = { title: item.title.join(" "), authors: [], blocks: paragraphs([...intro, ...turns]) };
  let bylineLines: string[] | undefined;
  const byline = draw.style([["one"], ["two", "byline-two-lines"], ["none", "no-byline"]] as const);
  if (byline === "one") story = { ...story, byline: `本报记者 ${padded(reporter!, random)}`, authors: [reporter!] };
  if (byline === "two") {
    bylineLines = [`本报记者 ${padded(reporter!, random)}`, `通讯员 ${padded(second!, random)}`];
    story = { ...story, byline: bylineLines.join(" "), authors: [reporter!, second!] };
  }
  if (draw.use("column-label", 0.5)) story = { kicker: pick(["【委员访谈】", "【对话】", "委员访谈"], random), ...story };
  return { genre: "interview", print: { story, titleLines, bylineLines } };
}

function theory(item: TheoryArticle, draw: Draw): CorpusStory {
  draw.has("numbered-headings");
  const titleLines = printTitle(item.title, draw);
  const writer = writerByline(draw);
  const blocks = paragraphs(item.lead);
  for (const [heading, texts] of item.sections) blocks.push({ type: "heading", text: heading }, ...paragraphs(texts));
  const story: PageStory = { title: item.title.join(" "), byline: writer.byline, authors: writer.authors, blocks };
  if (draw.use("deck", 0.3)) story.subtitle = pick(["——学习贯彻全会精神的几点思考", "——基于三个县的调查", "——兼论新时代的实践路径"], draw.random);
  if (!writer.signature && draw.use("author-note", 0.7)) story.authorNote = authorNote(draw.random);
  return { genre: "theory", print: { story, titleLines, bylineLines: writer.bylineLines, signature: writer.signature } };
}

/** A caption with its credit: `本报记者 赵六 摄`, `（施雨桐 摄）`, `（受访者供图）`, with or without a stop. */
function creditedCaption(caption: string, draw: Draw): { text: string; photographer?: string } {
  const random = draw.random;
  const [name] = personNames(1, random);
  const text = draw.use("caption-no-stop", 0.3) ? caption.replace(/。$/u, "") : caption;
  const style = draw.style([["reporter", "caption-reporter"], ["paren", "caption-paren"], ["supplied", "caption-supplied"], ["correspondent", "caption-correspondent"]] as const);
  if (style === "reporter") return { text: `${text} 本报记者 ${padded(name!, random)} 摄`, photographer: name };
  if (style === "correspondent") return { text: `${text} 通讯员 ${name} 摄`, photographer: name };
  if (style === "paren") return { text: `${text}（${name} 摄）`, photographer: name };
  return { text: `${text}（受访者供图）` };
}

function photo(item: PhotoStory, draw: Draw): CorpusStory {
  const random = draw.random;
  const titleLines = printTitle(item.title, draw);
  const captions = item.captions.map((caption) => creditedCaption(caption, draw));
  const photographers = captions.flatMap((caption) => (caption.photographer ? [caption.photographer] : []));
  const blocks = paragraphs(item.paragraphs);
  const captionBlocks: Block[] = captions.map((caption) => ({ type: "caption", text: caption.text }));
  // the first photo stands above the text or after its first paragraph, a second one further down
  blocks.splice(chance(0.5, random) ? 0 : 1, 0, captionBlocks[0]!);
  if (captionBlocks[1]) blocks.splice(blocks.length - (blocks.length > 2 ? 1 : 0), 0, captionBlocks[1]);
  let story: PageStory = { title: item.title.join(" "), authors: [], blocks };
  let bylineLines: string[] | undefined;
  if (draw.use("byline-two-lines", 0.4)) {
    const [writer, shooter] = personNames(2, random);
    bylineLines = [`文/${writer}`, `图/${shooter}`];
    story = { ...story, byline: bylineLines.join(" "), authors: [writer!] };
    photographers.unshift(shooter!);
  } else draw.has("no-byline");
  if (photographers.length) story.photographers = photographers;
  return { genre: "photo", print: { story, titleLines, bylineLines, captionsOnOneLine: chance(0.6, random) } };
}

function lead(item: LeadStory, draw: Draw): CorpusStory {
  draw.has("kicker");
  draw.has("deck");
  const titleLines = printTitle(item.title, draw);
  const opening = dateline(item, draw);
  const blocks = paragraphs([opening.first, ...item.paragraphs.slice(1)]);
  if (draw.use("jump-line", 0.3)) blocks.push({ type: "paragraph", text: jumpLine(draw.random) });
  const dashed = draw.use("kicker-dash", 0.25);
  const story = withByline({ kicker: dashed ? `${item.kicker}——` : item.kicker, title: item.title.join(" "), subtitle: item.deck, authors: opening.authors, blocks }, opening.byline);
  return { genre: "lead", print: { story, titleLines, bylineLines: opening.bylineLines } };
}

const BUILDERS: Record<Genre, (draw: Draw, index: number) => CorpusStory> = {
  news: (draw, i) => news(NEWS[i % NEWS.length]!, draw),
  interview: (draw, i) => interview(INTERVIEWS[i % INTERVIEWS.length]!, draw),
  theory: (draw, i) => theory(THEORY[i % THEORY.length]!, draw),
  commentary: (draw, i) => commentary(COMMENTARIES[i % COMMENTARIES.length]!, draw),
  photo: (draw, i) => photo(PHOTOS[i % PHOTOS.length]!, draw),
  lead: (draw, i) => lead(LEADS[i % LEADS.length]!, draw),
};

export const BANK_SIZES: Record<Genre, number> = {
  news: NEWS.length,
  interview: INTERVIEWS.length,
  theory: THEORY.length,
  commentary: COMMENTARIES.length,
  photo: PHOTOS.length,
  lead: LEADS.length,
};

/** Story number `index` of a genre's bank, with its print style drawn by `draw`. */
export function corpusStory(genre: Genre, index: number, draw: Draw): CorpusStory {
  return BUILDERS[genre](draw, index);
}
