import type { ReflowState, Role, Unit } from "../types.ts";
import { innerSentenceStops } from "./text.ts";

/** A run-in label such as `编者按：` is at most this many characters. */
const LABEL_LENGTH = 6;
/** A heading is one sentence no longer than this many column widths (or characters). */
const HEADING_COLUMNS = 1.3;
const HEADING_CHARACTERS = 22;
/** Conventional openings of photo captions. */
const CAPTION_MARK = /^(?:[▲△▼▽◀▶]|图为|(?:上|下|左|右)?图[：:]|(?:上|下|左|右)图[，,])/u;

// Signal: a headline standing next to a byline, subtitle or kicker titles a story; a short
// one-sentence paragraph is a heading, or a caption when it reads as a plain statement.
export function classify(state: ReflowState): void {
  const units = mergeLabels(state.units).map((unit) => ({ ...unit, role: paragraphRole(unit) }));
  units.forEach((unit, i) => {
    if (unit.role === "heading" && isTitled(units, i)) unit.role = "title";
    if (unit.role === "authorNote" && !/^[（(](?:本文)?作者/u.test(unit.text)) unit.role = "credit";
  });
  state.units = units;
}

/** Roles of paragraphs refined by their text; display roles pass through. */
function paragraphRole(unit: Unit): Role {
  if (unit.role !== "paragraph") return unit.role;
  const length = [...unit.text].length;
  const short = length <= Math.max(HEADING_COLUMNS * unit.columnWidth, HEADING_CHARACTERS);
  if (CAPTION_MARK.test(unit.text) && innerSentenceStops(unit.text) <= 1) return "caption";
  if (!short || innerSentenceStops(unit.text) > 0 || unit.lastLine - unit.firstLine > 4) return "paragraph";
  if (/[：…]$/u.test(unit.text)) return "paragraph";
  // A plain statement without a comma describes a picture; headings pair phrases or carry no stop.
  return /。$/u.test(unit.text) && !/[，,；]/u.test(unit.text) ? "caption" : "heading";
}

/** A headline is a title when a kicker stands above it or a byline or subtitle below (through other decks). */
function isTitled(units: readonly Unit[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const role = units[j]!.role;
    if (role === "kicker") return true;
    if (role !== "heading" || !printedTogether(units[j]!, units[j + 1]!)) break;
  }
  for (let j = i + 1; j < units.length; j++) {
    const role = units[j]!.role;
    if (role === "byline" || role === "subtitle") return true;
    if (role !== "heading" || !printedTogether(units[j - 1]!, units[j]!)) return false;
  }
  return false;
}

/**
 * Two display lines printed one under the other, with no blank line between them. (Even where the
 * extractor put a blank line after nearly every line, it kept the lines of one headline together.)
 */
export function printedTogether(upper: Unit, lower: Unit): boolean {
  return lower.firstLine === upper.lastLine + 1;
}

/** `编者按：` and the like open the paragraph that follows them. */
function mergeLabels(units: readonly Unit[]): Unit[] {
  const result: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    if (unit.role === "paragraph" && next?.role === "paragraph" && /：$/u.test(unit.text) && [...unit.text].length <= LABEL_LENGTH) {
      result.push({ ...next, text: unit.text + next.text, firstLine: unit.firstLine });
      i++;
      continue;
    }
    result.push(unit);
  }
  return result;
}
