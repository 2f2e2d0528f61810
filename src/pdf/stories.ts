import type { Decision } from "../types.ts";
import { type Head, headsOf } from "./heads.ts";
import { union } from "./blocks.ts";
import type { PdfBlock, PdfState, Rect } from "./model.ts";
import { split } from "./order.ts";
import { record } from "./decisions.ts";
import { blockText } from "./text.ts";

const PASS = "pdf-stories";
/** A block shares a headline's columns when this share of its width lies under the headline. */
const SHARED_COLUMNS = 0.3;
/** A block this many times wider than the story's typical block spans several columns. */
const WIDE = 1.5;
/** A block this close (points) above a headline's top still counts as under it (baselines, rounding). */
const TOLERANCE = 2;

export interface StoryPlan {
  head?: Head;
  /** The story's other blocks, in reading order. */
  blocks: PdfBlock[];
}

// Signal: a story's text lies under its headline: each block goes with the nearest thing above it
// over its columns, a headline or a block already placed (so stories may be L-shaped); boxes
// keep their contents together.
export function plan(state: PdfState): StoryPlan[] {
  const heads = headsOf(state);
  const plans = new Map<Head | undefined, PdfBlock[]>(heads.map((head) => [head, []]));
  const placed: Placed[] = heads.map((head) => ({ rect: head.area, head, box: head.box, isHead: true }));
  const headOf = new Map(heads.flatMap((head) => [...head.title, ...head.kicker, ...head.subtitle].map((block) => [block, head] as const)));
  const place = (block: PdfBlock, head: Head | undefined) => {
    placed.push({ rect: block, head, box: block.box, isHead: false });
    const list = plans.get(head) ?? [];
    list.push(block);
    plans.set(head, list);
  };
  const visit = (region: PdfBlock[]): void => {
    const sideBySide = storiesSideBySide(region);
    if (sideBySide) return sideBySide.forEach(visit);
    const rows = split(region, (block) => block.y, (block) => block.y + block.height);
    if (rows.length === 1) {
      const columns = split(region, (block) => block.x, (block) => block.x + block.width);
      if (columns.length > 1) columns.forEach(visit);
      else for (const block of region.sort((a, b) => a.y - b.y)) if (!headOf.has(block)) place(block, choose(block, placed, heads, state.decisions));
      return;
    }
    let headRow: PdfBlock[] = [];
    for (const row of rows) {
      const under = row.every((block) => !headOf.has(block)) ? underHeads(headRow, row) : undefined;
      if (under) {
        for (const [block, head] of under) {
          record(state.decisions, PASS, block, 0.9, `given to “${titleOf(head)}”: it stands in the row right under that headline, between the same gutters`);
          place(block, head);
        }
      } else visit(row);
      headRow = row.every((block) => headOf.has(block)) ? row : [];
    }
  };
  /**
   * The row right under a row of headlines and nothing else belongs to them: all of it to one
   * headline; with headlines side by side, what stands between the same gutters as one goes to
   * it, and columns under none to the headline on their left (their story runs on to the right).
   */
  const underHeads = (heads: readonly PdfBlock[], row: readonly PdfBlock[]): Map<PdfBlock, Head> | undefined => {
    const owners = [...new Set(heads.map((block) => headOf.get(block)!))];
    if (owners.length === 0 || row.some((block) => block.box !== owners[0]!.box)) return undefined;
    const assigned = new Map<PdfBlock, Head>();
    if (owners.length === 1) {
      for (const block of row) assigned.set(block, owners[0]!);
      return assigned;
    }
    let current: Head | undefined;
    const pending: PdfBlock[] = [];
    for (const group of split([...heads, ...row], (block) => block.x, (block) => block.x + block.width)) {
      const groupHeads = new Set(group.map((block) => headOf.get(block)).filter((head) => head !== undefined));
      if (groupHeads.size > 1) return undefined;
      if (groupHeads.size === 1) [current] = groupHeads as Set<Head>;
      for (const block of group) if (!headOf.has(block)) (current ? assigned.set(block, current) : pending.push(block));
      if (current) for (const block of pending.splice(0)) assigned.set(block, current);
    }
    return assigned;
  };
  /**
   * Stories set side by side, each under its own headline: white space from top to bottom parts
   * them, and every part holds a headline (columns with none run on from the part on their left).
   */
  const storiesSideBySide = (region: PdfBlock[]): PdfBlock[][] | undefined => {
    const parts: PdfBlock[][] = [];
    for (const column of split(region, (block) => block.x, (block) => block.x + block.width)) {
      if (column.some((block) => headOf.has(block))) parts.push(column);
      else if (parts.length > 0) parts[parts.length - 1]!.push(...column);
      else return undefined;
    }
    return parts.length > 1 ? parts : undefined;
  };
  visit(state.blocks.filter((block) => block.role !== "credit"));
  const position = (head: Head | undefined) => (head ? state.blocks.indexOf(head.title[0]!) : -1);
  const result = [...plans.entries()]
    .map(([head, blocks]) => ({ head, blocks: storyOrder(blocks, state.blocks) }))
    .sort((a, b) => position(a.head) - position(b.head));
  // a headline with no text under it (a masthead's name and date) is furniture
  for (const story of result) {
    if (!story.head || story.blocks.some((block) => block.role === "paragraph" || block.role === "caption")) continue;
    for (const block of [...story.head.kicker, ...story.head.title, ...story.head.subtitle, ...story.blocks]) {
      record(state.decisions, PASS, block, 0.8, "is page furniture (a credit): a headline with no text under it, like a masthead's name");
      block.role = "credit";
    }
    story.blocks = [];
  }
  return result.filter((story) => story.blocks.length > 0);
}

/** A headline or a block already given to a story. */
interface Placed {
  rect: Rect;
  head: Head | undefined;
  box: number | undefined;
  isHead: boolean;
}

function choose(block: PdfBlock, placed: readonly Placed[], heads: readonly Head[], decisions: Decision[]): Head | undefined {
  const allowed = placed.filter((item) => sameFrame(block, item, heads));
  const above = allowed
    .filter((item) => item.rect.y <= block.y + TOLERANCE && overlap(item.rect, block) >= SHARED_COLUMNS * Math.min(block.width, item.rect.width))
    .map((item) => ({ item, distance: Math.max(0, block.y - (item.rect.y + item.rect.height)) }))
    .sort((a, b) => a.distance - b.distance || Number(b.item.isHead) - Number(a.item.isHead));
  const best = above[0];
  if (best) {
    const rival = above.find((other) => other.item.head !== best.item.head);
    const margin = rival ? (rival.distance - best.distance) / (rival.distance + block.size) : 1;
    const confidence = Math.round(Math.min(1, 0.5 + 0.5 * margin) * 100) / 100;
    const what = best.item.isHead ? "its headline right above it" : `the block right above it over its columns (${Math.round(best.distance)} pt up), which is in that story`;
    const next = rival ? `; the next nearest above belongs to ${rival.item.head ? `“${titleOf(rival.item.head)}”` : "no story"} (${Math.round(rival.distance)} pt up)` : "";
    record(decisions, PASS, block, confidence, `given to ${best.item.head ? `“${titleOf(best.item.head)}”` : "no story"}: ${what}${next}`);
    return best.item.head;
  }
  const nearest = allowed.filter((item) => item.isHead).map((item) => ({ item, distance: gap(item.rect, block) })).sort((a, b) => a.distance - b.distance)[0];
  if (!nearest) {
    record(decisions, PASS, block, 0.3, "no headline anywhere near it: a story without a title");
    return undefined;
  }
  record(decisions, PASS, block, 0.4, `given to “${titleOf(nearest.item.head!)}”: nothing above it over its columns, so the nearest headline (${Math.round(nearest.distance)} pt away)`);
  return nearest.item.head;
}

/** Boxes keep their contents together: a boxed block goes to a headline in its box if there is one, and no outside block goes into a box. */
function sameFrame(block: PdfBlock, item: Placed, heads: readonly Head[]): boolean {
  if (block.box === item.box) return true;
  return item.box === undefined && !heads.some((other) => other.box === block.box);
}

const titleOf = (head: Head) => head.title.map(blockText).join(" ").slice(0, 24);

function overlap(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
}

function gap(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/**
 * A story's blocks column by column, left to right, each top to bottom: a reader finishes a column
 * before the next, even where white space happens to line up across them. A block wider than a
 * column (a caption under a wide picture) stands before the first column text below it; a
 * caption printed above all of the story's text is read first, as the picture is seen first.
 */
function storyOrder(blocks: readonly PdfBlock[], page: readonly PdfBlock[]): PdfBlock[] {
  // a column's width is what its running text fills (headings and bylines are narrower)
  const text = blocks.filter((block) => block.role === "paragraph" && block.lines.length >= 3);
  const widths = (text.length > 0 ? text : blocks).map((block) => block.width).sort((a, b) => a - b);
  const column = widths[Math.floor(widths.length / 2)] ?? 0;
  const narrow = blocks.filter((block) => block.width <= WIDE * column);
  const columns: { rect: Rect; blocks: PdfBlock[] }[] = [];
  for (const block of [...narrow].sort((a, b) => a.x - b.x || a.y - b.y)) {
    const home = columns.find((candidate) => overlap(candidate.rect, block) >= 0.5 * Math.min(block.width, candidate.rect.width));
    if (home) {
      home.blocks.push(block);
      home.rect = union(home.rect, block);
    } else columns.push({ rect: block, blocks: [block] });
  }
  const ordered = columns.sort((a, b) => a.rect.x - b.rect.x).flatMap((group) => group.blocks.sort((a, b) => a.y - b.y));
  for (const wide of blocks.filter((block) => !narrow.includes(block)).sort((a, b) => page.indexOf(a) - page.indexOf(b))) {
    const before = ordered.findIndex((block) => !narrow.includes(block) ? false : block.y >= wide.y + wide.height - TOLERANCE && overlap(block, wide) > 0);
    ordered.splice(before < 0 ? ordered.length : before, 0, wide);
  }
  const textTop = Math.min(...ordered.filter((block) => block.role === "paragraph").map((block) => block.y));
  const first = ordered.filter((block) => block.role === "caption" && block.y + block.height <= textTop);
  return [...first, ...ordered.filter((block) => !first.includes(block))];
}
