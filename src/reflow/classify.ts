import type { ReflowState, Role, Unit } from "../types.ts";
import { hasPhotoCredit, isCreditOnly } from "./captions.ts";
import { endsWithPunctuation, hasSentencePunctuation, isJump } from "./shapes.ts";
import { characterCount, endsWithMark, hasAtMostCharacters, innerSentenceStops } from "./text.ts";

/** A run-in label such as `编者按：` is at most this many characters. */
const LABEL_LENGTH = 6;
/** A heading is one sentence no longer than this many column widths (or characters). */
const HEADING_COLUMNS = 1.3;
const HEADING_CHARACTERS = 22;
/** However wide the column, a heading is one short sentence. */
const HEADING_LONGEST = 36;
/** Conventional openings of photo captions. */
const CAPTION_MARK = /^(?:[▲△▼▽◀▶]|图为|(?:上|下|左|右)?图[：:]|(?:上|下|左|右)图[，,])/u;

// Signal: a short one-sentence paragraph is a heading, or a caption when it reads as a plain
// statement or ends in a photo credit; a note is the author's when it says so, else the page's.
export function classify(state: ReflowState): void {
  const units: Unit[] = [];
  for (const unit of mergeLabels(state.units)) {
    const role = paragraphRole(unit);
    const previous = units[units.length - 1];
    if (role === "caption" && (unit.role === "authorNote" || isCreditOnly(unit.text)) && previous && (previous.role === "caption" || isShortStatement(previous))) {
      // `（施雨桐 摄）`, `本报记者 张三 摄` under its caption's words
      units[units.length - 1] = { ...previous, role: "caption", text: previous.text + unit.text, lastLine: unit.lastLine };
      continue;
    }
    units.push({ ...unit, role });
  }
  state.units = units;
}

function isShortStatement(unit: Unit): boolean {
  return (unit.role === "paragraph" || unit.role === "heading") && innerSentenceStops(unit.text) === 0 && characterCount(unit.text) <= 2 * Math.max(unit.columnWidth, 15);
}

/** Roles of paragraphs refined by their text; display roles pass through. */
function paragraphRole(unit: Unit): Role {
  if (unit.role === "authorNote") return hasPhotoCredit(unit.text) ? "caption" : /^[（(](?:本文)?作者/u.test(unit.text) ? "authorNote" : "credit";
  if (unit.role !== "paragraph" || isJump(unit.text)) return unit.role;
  if (hasPhotoCredit(unit.text) && innerSentenceStops(unit.text) <= 2) return "caption";
  // a paragraph is not counted through to know it is longer than any heading
  const short = hasAtMostCharacters(unit.text, Math.min(Math.max(HEADING_COLUMNS * unit.columnWidth, HEADING_CHARACTERS), HEADING_LONGEST));
  if (CAPTION_MARK.test(unit.text) && innerSentenceStops(unit.text) <= 1) return "caption";
  if (!short || innerSentenceStops(unit.text) > 0 || unit.lastLine - unit.firstLine > 4) return "paragraph";
  // `问：…` `王委员：…`: a speaker's turn in an interview, never a heading
  if (endsWithMark(unit.text, "：…") || /^[^，。：]{1,8}[：:]/u.test(unit.text)) return "paragraph";
  // A plain statement without a comma describes a picture; headings pair phrases or carry no stop.
  if (endsWithMark(unit.text, "。") && !/[，,；]/u.test(unit.text)) return "caption";
  // one line with no stop at all: a display line as wide as the column, a title as much as a heading
  return unit.firstLine === unit.lastLine && !hasSentencePunctuation(unit.text) && !endsWithPunctuation(unit.text) ? "headline" : "heading";
}

/** `编者按：` and the like open the paragraph that follows them. */
function mergeLabels(units: readonly Unit[]): Unit[] {
  const result: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    if (unit.role === "paragraph" && next?.role === "paragraph" && endsWithMark(unit.text, "：") && characterCount(unit.text) <= LABEL_LENGTH) {
      result.push({ ...next, text: unit.text + next.text, firstLine: unit.firstLine });
      i++;
      continue;
    }
    result.push(unit);
  }
  return result;
}
