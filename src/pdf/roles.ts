import { isParenthesized, markerShape } from "../reflow/shapes.ts";
import { HEADLINE_RATIO } from "./furniture.ts";
import type { BlockRole, PdfBlock, PdfState, Rect } from "./model.ts";
import { blockText } from "./text.ts";

/** Set this much larger than the body (or bold), a short block is a heading within its story. */
const HEADING_RATIO = 1.05;
/** Lines a heading, byline or caption runs to at most. */
const DISPLAY_LINES = 3;
/** A caption stands this many ems (of its size) from its picture or its rules at most. */
const CAPTION_REACH = 1.5;
/** A signature is a name of two to four characters alone on a line. */
const SIGNATURE = /^\p{Script=Han}{2,4}$/u;

// Signal: size against the body makes headlines and headings; the shapes of furniture (bylines,
// notes, ——subtitles) and a font other than the body's beside a picture or between rules make the rest.
export function roles(state: PdfState): void {
  for (const block of state.blocks) {
    if (block.role !== "credit") block.role = roleOf(block, state);
  }
}

function roleOf(block: PdfBlock, state: PdfState): BlockRole {
  const ratio = block.size / state.bodySize;
  if (ratio >= HEADLINE_RATIO) return "headline";
  const text = blockText(block);
  const short = block.lines.length <= DISPLAY_LINES;
  // a display line wrapped in a narrow column may break anywhere, also inside a name
  const joins = [block.lines.map((line) => line.text).join(" "), block.lines.map((line) => line.text).join("")];
  const shape = short ? joins.map(markerShape).find(Boolean) : undefined;
  if (shape === "byline" || shape === "kicker" || shape === "subtitle") return shape;
  if (shape === "note") {
    if (/^[（(](?:本文)?作者/u.test(text)) return "authorNote";
    if (!isParenthesized(text)) return "credit";
  }
  const ownFace = block.family !== state.bodyFamily || Math.abs(ratio - 1) > 0.08;
  if (!ownFace || !short) return "paragraph";
  if (nextTo(block, state.geometry.images) || betweenRules(block, state.geometry.rules)) return "caption";
  if (block.bold || ratio >= HEADING_RATIO) return "heading";
  if (block.lines.length === 1 && SIGNATURE.test(text)) return "byline";
  return "paragraph";
}

/** A picture right above or below the block, across most of its width. */
function nextTo(block: PdfBlock, images: readonly Rect[]): boolean {
  const reach = CAPTION_REACH * block.size;
  return images.some((image) => {
    const overlap = Math.min(image.x + image.width, block.x + block.width) - Math.max(image.x, block.x);
    const gap = Math.max(block.y - (image.y + image.height), image.y - (block.y + block.height));
    return overlap >= 0.5 * block.width && gap <= reach && gap >= -reach;
  });
}

/** Rules right above and right below the block: how captions without a picture are set off. */
function betweenRules(block: PdfBlock, rules: readonly Rect[]): boolean {
  const reach = CAPTION_REACH * block.size;
  const across = rules.filter((rule) => rule.width >= rule.height && rule.x <= block.x + 1 && rule.x + rule.width >= block.x + block.width - 1);
  const over = across.some((rule) => block.y - rule.y >= 0 && block.y - rule.y <= reach);
  const under = across.some((rule) => rule.y - (block.y + block.height) >= -1 && rule.y - (block.y + block.height) <= reach);
  return over && under;
}
