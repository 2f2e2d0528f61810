import type { PdfBlock, PdfLine, PdfState, Rect } from "./model.ts";

/** Lines further apart than this many ems (of their size) belong to different blocks: white space parts them. */
const LINE_GAP = 0.9;
/** Sizes within this ratio are one kind of text. */
const SIZE_RATIO = 1.12;
/** A line joins a block when this share of its width lies within the block's column. */
const COLUMN_OVERLAP = 0.6;

// Signal: lines of one size and font, in one column (x-overlap), one under the other with no more
// than leading between them, inside the same box and with no rule between, are one block.
export function blocks(state: PdfState): void {
  const { rules, boxes } = state.geometry;
  const horizontalRules = rules.filter((rule) => rule.width >= rule.height);
  const made: PdfBlock[] = [];
  for (const line of state.lines) {
    const box = boxOf(line, boxes);
    const home = made
      .filter((block) => joins(block, line, box, horizontalRules))
      .sort((a, b) => overlap(b, line) - overlap(a, line))[0];
    if (home) {
      home.lines.push(line);
      Object.assign(home, union(home, line));
    } else {
      made.push({ id: made.length, lines: [line], x: line.x, y: line.y, width: line.width, height: line.height, size: line.size, family: line.family, bold: line.bold, role: "paragraph", box });
    }
  }
  state.blocks = made;
}

function joins(block: PdfBlock, line: PdfLine, box: number | undefined, horizontalRules: readonly Rect[]): boolean {
  const last = block.lines[block.lines.length - 1]!;
  if (block.box !== box || block.family !== line.family || block.bold !== line.bold) return false;
  if (Math.max(block.size, line.size) / Math.min(block.size, line.size) > SIZE_RATIO) return false;
  const gap = line.y - (last.y + last.height);
  if (gap > LINE_GAP * line.size || line.y < last.y + last.height * 0.5) return false;
  if (overlap(block, line) < COLUMN_OVERLAP * Math.min(line.width, block.width)) return false;
  // a rule between them (under a masthead, between stories) parts them, however close
  return !horizontalRules.some((rule) => rule.y > last.y + last.height * 0.5 && rule.y < line.y + line.height * 0.5 && rule.x < line.x + line.width && rule.x + rule.width > line.x);
}

function overlap(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
}

/** The smallest box that holds the line's middle. */
export function boxOf(rect: Rect, boxes: readonly Rect[]): number | undefined {
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  let found: number | undefined;
  boxes.forEach((box, i) => {
    const inside = x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height;
    if (inside && (found === undefined || box.width * box.height < boxes[found]!.width * boxes[found]!.height)) found = i;
  });
  return found;
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
