// Section headings that the extraction moved to the end of their story go back to their sections.
import type { Decision, Unit } from "../types.ts";
import { isNumbered } from "./signals.ts";
import { Affinity, orders, segment } from "./similarity.ts";
import { endsWithMark } from "./text.ts";

/** More headings than this at a story's end are left where they are: their orders would be too many to weigh. */
const MAX_DISPLACED = 8;

/** Bonus (in affinity units) for starting a section where the layout itself shows a seam. */
const SEAM_BONUS = 2;
/** Column widths this far apart (in ems) belong to different parts of the page. */
const WIDTH_CHANGE = 1;

/** Units that close a story after its text. */
const CLOSING_ROLES = new Set<Unit["role"]>(["authorNote", "signature", "byline", "credit"]);

const isText = (unit: Unit) => unit.role === "paragraph" || unit.role === "heading";

/** The layout changes before `unit`: furniture before it, an indent that survived, another column width. */
function isSeam(previous: Unit, unit: Unit): boolean {
  if (!isText(unit)) return false;
  if (!isText(previous) || unit.indented) return true;
  return previous.columnWidth > 0 && unit.columnWidth > 0 && Math.abs(unit.columnWidth - previous.columnWidth) >= WIDTH_CHANGE;
}

/**
 * A story body that ends in headings (no text after them) had its section headings displaced.
 * The lead runs to the first seam in the layout; the rest splits into one section per heading,
 * matched to headings by shared words in any order, and printed in the headings' order.
 */
export function placeDisplacedHeadings(body: readonly Unit[], decisions: Decision[]): Unit[] {
  // an author's note, signature or byline after the displaced headings closes the story: it stays last
  let end = body.length;
  while (end > 0 && CLOSING_ROLES.has(body[end - 1]!.role)) end--;
  if (end < body.length) return [...placeDisplacedHeadings(body.slice(0, end), decisions), ...body.slice(end)];
  let count = 0;
  // a display heading (no stop) can be displaced; a short last sentence read as a heading cannot
  while (count < body.length && body[body.length - 1 - count]!.role === "heading" && !endsWithMark(body[body.length - 1 - count]!.text, "。！？")) count++;
  if (count === 0 || count > MAX_DISPLACED) return [...body];
  const rest = body.slice(0, body.length - count);
  const seams = rest.map((unit, i) => i > 0 && isSeam(rest[i - 1]!, unit));
  // numbered sections (`一、…`) follow the article's opening paragraph, seam or not
  const opening = headingsNumbered(body.slice(body.length - count)) && rest.length > count ? 1 : 0;
  const leadEnd = Math.max(opening, seams.indexOf(true));
  const sectioned = rest.slice(leadEnd);
  if (count === 0 || sectioned.filter((unit) => unit.role === "paragraph").length < count) return [...body];
  const headings = body.slice(body.length - count);
  const themes = new Affinity(body.map((unit) => unit.text), { characters: true });
  const { scores: preferences } = themes.preferences(
    sectioned.map((unit) => unit.text),
    headings.map((heading) => heading.text),
  );
  const startBonus = sectioned.map((_, i) => (seams[leadEnd + i] ? SEAM_BONUS : 0));
  let best: { order: number[]; starts: number[]; score: number } | undefined;
  for (const order of orders(count)) {
    const found = segment(preferences.map((row) => order.map((label) => row[label]!)), { startBonus });
    if (found && (!best || found.score > best.score + 1e-9)) best = { order, ...found };
  }
  if (!best) return [...body];
  const { order, starts } = best;
  const placed = rest.slice(0, leadEnd);
  headings.forEach((heading, label) => {
    const j = order.indexOf(label);
    const section = sectioned.slice(starts[j], starts[j + 1] ?? sectioned.length);
    placed.push(heading, ...section);
    decisions.push({
      pass: "assemble",
      line: heading.firstLine,
      confidence: 0.7,
      message: `heading on line ${heading.firstLine}, printed after its story, placed before line ${section[0]!.firstLine} by shared words`,
      context: `${heading.text} → ${section[0]!.text.slice(0, 30)}`,
    });
  });
  return placed;
}

function headingsNumbered(headings: readonly Unit[]): boolean {
  return headings.every((heading) => isNumbered(heading.text));
}
