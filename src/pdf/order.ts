import type { PdfBlock, PdfState, Rect } from "./model.ts";

/** Blocks overlapping by less than this many points still leave a cut between them. */
const CUT_TOLERANCE = 1.5;

// Signal: white space running right across a set of blocks (a horizontal cut) or right down it
// (a vertical cut) separates what is read first from what is read after: recursive XY-cut.
export function order(state: PdfState): void {
  state.blocks = xyCut(state.blocks);
  let number = 1;
  for (const block of state.blocks) for (const line of block.lines) line.number = number++;
}

export function xyCut(blocks: readonly PdfBlock[]): PdfBlock[] {
  if (blocks.length <= 1) return [...blocks];
  const rows = split(blocks, (block) => block.y, (block) => block.y + block.height);
  if (rows.length > 1) return rows.flatMap(xyCut);
  const columns = split(blocks, (block) => block.x, (block) => block.x + block.width);
  if (columns.length > 1) return columns.flatMap(xyCut);
  return [...blocks].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Groups of blocks with clear space between them along one axis, in order along it. */
export function split<T extends Rect>(blocks: readonly T[], start: (block: T) => number, end: (block: T) => number): T[][] {
  const sorted = [...blocks].sort((a, b) => start(a) - start(b));
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const block of sorted) {
    if (groups.length === 0 || start(block) > reach - CUT_TOLERANCE) groups.push([block]);
    else groups[groups.length - 1]!.push(block);
    reach = Math.max(reach, end(block));
  }
  return groups;
}
