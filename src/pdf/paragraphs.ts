import { endsSentence, joinLines } from "../reflow/text.ts";
import type { PdfBlock, PdfLine } from "./model.ts";

/** A line starting this many ems (of its size) right of its column's edge is indented: a first line. */
const INDENT = 0.8;
/** A line ending this many ems short of its column's edge is a paragraph's last line (when it ends a sentence). */
const SHORT = 1.2;

interface Column {
  left: number;
  right: number;
}

// Signal: a first line is indented from its column's edge; a last line stops short of the
// column with a sentence stop. A column break alone never ends a paragraph.
export function paragraphsOf(blocks: readonly PdfBlock[]): string[] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  let previous: { line: PdfLine; column: Column } | undefined;
  for (const block of blocks) {
    const column = columnOf(block, blocks);
    for (const line of block.lines) {
      const indented = line.x - column.left >= INDENT * line.size;
      const before = previous;
      const ended = before !== undefined && before.column.right - (before.line.x + before.line.width) >= SHORT * before.line.size && endsSentence(before.line.text);
      if (current.length > 0 && (indented || ended)) {
        paragraphs.push(current);
        current = [];
      }
      current.push(line.text);
      previous = { line, column };
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map(joinLines);
}

/**
 * A block's column: its own extent when it has lines enough to show it; a line or two borrow
 * the extent of a fuller block of the same story and font in the same column.
 */
function columnOf(block: PdfBlock, blocks: readonly PdfBlock[]): Column {
  const own = { left: block.x, right: block.x + block.width };
  if (block.lines.length >= 3) return own;
  const fuller = blocks.find((other) => other !== block && other.lines.length >= 3 && other.family === block.family && Math.abs(other.x + other.width - own.right) < other.width && other.x <= own.left + block.size && other.x + other.width >= own.right - block.size);
  return fuller ? { left: fuller.x, right: fuller.x + fuller.width } : own;
}
