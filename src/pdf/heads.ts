import { union } from "./blocks.ts";
import type { PdfBlock, PdfState, Rect } from "./model.ts";

/** A deck or kicker is set at least this many times the body size (or has the shape of one). */
const DECK_RATIO = 1.15;
/** Head parts lie this many ems (of the smaller size) apart at most. */
const HEAD_GAP = 1.2;

/** A story's head: its title blocks (largest type), what stands above (kicker) and below (subtitle). */
export interface Head {
  title: PdfBlock[];
  kicker: PdfBlock[];
  subtitle: PdfBlock[];
  /** Everything the head covers on the page. */
  area: Rect;
  box?: number;
}

// Signal: a headline and the larger-than-body lines stacked right above and below it (kicker,
// deck) are printed as one head; the largest type among them is the title.
export function headsOf(state: PdfState): Head[] {
  const headish = state.blocks.filter((block) => isHeadPart(block, state.bodySize));
  const group = new Map<PdfBlock, PdfBlock[]>(headish.map((block) => [block, [block]]));
  for (const a of headish) {
    for (const b of headish) {
      if (a === b || group.get(a) === group.get(b) || !stacked(a, b)) continue;
      const merged = [...group.get(a)!, ...group.get(b)!];
      for (const block of merged) group.set(block, merged);
    }
  }
  const heads: Head[] = [];
  for (const members of new Set(group.values())) {
    const largest = Math.max(...members.filter((block) => block.role === "headline").map((block) => block.size));
    if (!Number.isFinite(largest)) continue; // a deck with no headline stays where it stands
    const byTop = [...members].sort((a, b) => a.y - b.y || a.x - b.x);
    const title = byTop.filter((block) => block.size >= largest * 0.9 && block.role === "headline");
    const titleTop = Math.min(...title.map((block) => block.y));
    const rest = byTop.filter((block) => !title.includes(block));
    heads.push({
      title,
      kicker: rest.filter((block) => block.y < titleTop),
      subtitle: rest.filter((block) => block.y >= titleTop),
      area: members.reduce<Rect>((area, block) => union(area, block), members[0]!),
      box: title[0]!.box,
    });
  }
  return heads;
}

function isHeadPart(block: PdfBlock, bodySize: number): boolean {
  if (block.role === "headline" || block.role === "kicker" || block.role === "subtitle") return true;
  return block.role !== "credit" && block.role !== "byline" && block.size >= DECK_RATIO * bodySize && block.lines.length <= 2;
}

/** One right above the other, sharing columns. */
function stacked(a: PdfBlock, b: PdfBlock): boolean {
  const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
  const gap = lower.y - (upper.y + upper.height);
  const overlap = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  return a.box === b.box && gap <= HEAD_GAP * Math.min(a.size, b.size) && gap > -0.5 * Math.min(a.size, b.size) && overlap >= 0.3 * Math.min(a.width, b.width);
}
