import { storyIdBase, uniqueId } from "../reflow/assemble.ts";
import { parseByline } from "../reflow/bylines.ts";
import { endsSentence } from "../reflow/text.ts";
import type { Block, Story } from "../types.ts";
import type { PdfBlock, PdfLine, PdfState } from "./model.ts";
import { paragraphsOf } from "./paragraphs.ts";
import { blockText, displayText } from "./text.ts";
import { type StoryPlan, plan } from "./stories.ts";

/** An inline dateline's reporters: `本报讯（记者 甲 通讯员 乙）` or `…电（记者 甲）`. */
const DATELINE = /^(?:本报讯|\S{0,12}电)\s*[（(]([^（）()]{2,40})[）)]/u;
/** A photo credit closing a caption: `本报记者 某某 摄`, `（某某 摄）`. */
const PHOTO_CREDIT = /(?:^|[。！？\s（(])([^。！？（()]{2,30}?\s*摄影?)[）)]?$/u;

// Signal: each planned story's head gives its title, kicker and subtitle; its blocks, in reading
// order, give byline, notes, captions, headings and paragraphs; what no story took is credits.
export function assemble(state: PdfState): void {
  const plans = plan(state);
  const taken = new Set<string>();
  state.stories = plans.map((story) => ({ ...buildStory(story), id: "" }));
  state.stories = state.stories.map((story) => ({ ...story, id: uniqueId(storyIdBase(story), taken) }));
  state.credits = creditUnits(state.blocks.filter((block) => block.role === "credit"));
}

function buildStory({ head, blocks }: StoryPlan): Story {
  const story: Story = { id: "", title: head ? head.title.map(displayText).join(" ") : "", authors: [], blocks: [] };
  if (head?.kicker.length) story.kicker = head.kicker.map(displayText).join(" ");
  if (head?.subtitle.length) story.subtitle = head.subtitle.map(displayText).join(" ");
  const notes: string[] = [];
  const photographers: string[] = [];
  let run: PdfBlock[] = [];
  const flush = () => {
    for (const text of paragraphsOf(run)) story.blocks.push({ type: "paragraph", text });
    run = [];
  };
  for (const block of blocks) {
    const text = blockText(block);
    if (block.role === "paragraph") {
      run.push(block);
      continue;
    }
    flush();
    if (block.role === "byline" && story.byline === undefined) story.byline = spacedText(block);
    else if (block.role === "subtitle" && story.subtitle === undefined) story.subtitle = text;
    else if (block.role === "authorNote") notes.push(text);
    else story.blocks.push(blockOf(block.role, text));
    if (block.role === "caption") photographers.push(...captionPhotographers(spacedText(block)));
  }
  flush();
  const credited = story.byline ? parseByline(story.byline) : datelineCredits(blocks);
  story.authors = credited.authors;
  photographers.push(...credited.photographers);
  if (photographers.length > 0) story.photographers = [...new Set(photographers)];
  if (notes.length > 0) story.authorNote = notes.join("");
  return story;
}

function blockOf(role: string, text: string): Block {
  return { type: role === "heading" || role === "caption" ? role : "paragraph", text };
}

/** The text as printed, spaces between names kept: what bylines are read from. */
const spacedText = (block: PdfBlock) => block.lines.map((line) => line.text).join(" ");

function datelineCredits(blocks: readonly PdfBlock[]): { authors: string[]; photographers: string[] } {
  // a dateline set in its own font is a block or two of its own
  const opening = blocks.filter((block) => block.role === "paragraph").slice(0, 3).map(spacedText).join(" ");
  const reporters = DATELINE.exec(opening);
  return reporters ? parseByline(reporters[1]!) : { authors: [], photographers: [] };
}

function captionPhotographers(text: string): string[] {
  const credit = PHOTO_CREDIT.exec(text.trim());
  return credit ? parseByline(credit[1]!).photographers : [];
}

/** A credit line that fills its block's width, or a line as wide as the next (within twice this many ems), wraps on. */
const FULL_LINE = 1;
/** A block this many line heights or fewer below a colon is what the colon introduces. */
const BELOW = 1.5;

// Signal: furniture is one unit per printed line, except where a line runs on: it fills its
// block's width or is as wide as the next (wrapped), or ends with a colon over the block right below it (a masthead's teaser).
export function creditUnits(blocks: readonly PdfBlock[]): string[] {
  const perBlock = new Map<PdfBlock, string[]>();
  for (const block of blocks) {
    const units: string[] = [];
    block.lines.forEach((line, i) => {
      const before = block.lines[i - 1];
      const fills = (other: PdfLine) => other.x <= block.x + FULL_LINE * other.size && other.x + other.width >= block.x + block.width - FULL_LINE * other.size;
      // a staggered display sets a wrapped sentence's lines as wide as each other, not edge to edge
      const wraps = before !== undefined && !endsSentence(before.text) && (fills(before) || Math.abs(before.width - line.width) <= 2 * FULL_LINE * line.size);
      if (wraps) units[units.length - 1] += ` ${line.text}`;
      else units.push(line.text);
    });
    perBlock.set(block, units);
  }
  for (const block of blocks) {
    const units = perBlock.get(block)!;
    if (units.length === 0 || !/[：:]$/u.test(units[units.length - 1]!)) continue;
    const below = blocks.find((other) => other !== block && perBlock.get(other)!.length > 0 && other.y >= block.y + block.height - 1 && other.y - (block.y + block.height) <= BELOW * other.lines[0]!.height && overlaps(block, other));
    if (below) units[units.length - 1] += ` ${perBlock.get(below)!.shift()}`;
  }
  return [...perBlock.values()].flat();
}

const overlaps = (a: PdfBlock, b: PdfBlock) => Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x);
