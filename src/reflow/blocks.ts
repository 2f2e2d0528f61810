import type { DisplayShape, LayoutBlock, Line, ReflowState } from "../types.ts";
import { endsWithPunctuation, hasSentencePunctuation, isRoleLine, isSignature, labelsTitle, markerShape, opensParenthesis } from "./shapes.ts";
import { splitRoleName } from "./bylines.ts";
import { hasPhotoCredit, isCreditMark } from "./captions.ts";
import { type Page, isHeadline, isWrappedHeading, looksLikeHeadline, perLine } from "./headlines.ts";
import { NUMBERED, opensWithDateline } from "./signals.ts";
import { characterCount, displayWidth, endsSentence, endsWithMark } from "./text.ts";
import { localColumnWidths } from "./widths.ts";

/** Marker shapes first; a parenthesis opened and closed lines later is one wrapped note. A role and
 *  name, or a note, ending in `摄` credit a photo, not a story: that line ends its caption (`本报记者 张 三 摄`,
 *  `（张三 摄）`). */
function markShapes(lines: readonly Line[]): (DisplayShape | undefined)[] {
  const shapes = lines.map((line) => {
    const shape = markerShape(line.text);
    return (shape === "byline" || shape === "note") && hasPhotoCredit(line.text) ? undefined : shape;
  });
  for (let i = 0; i < lines.length; i++) {
    if (shapes[i] || !opensParenthesis(lines[i]!.text)) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 3); j++) {
      const joined = lines.slice(i, j + 1).map((line) => line.text).join("");
      if (markerShape(joined) === "note") shapes.fill("note", i, j + 1);
    }
  }
  return shapes;
}

/** Runs of lines that no marker separates: where a column width can be measured. */
function segmentWidths(lines: readonly Line[], isBreak: (i: number) => boolean): number[] {
  const widths: number[] = new Array(lines.length).fill(0);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !isBreak(i)) continue;
    // loops, and none for the empty runs between two marker lines: there is a run per marker line of the page
    if (i > start) {
      const segment: number[] = [];
      for (let k = start; k < i; k++) segment.push(lines[k]!.width);
      const columnWidths = localColumnWidths(segment);
      for (let k = 0; k < columnWidths.length; k++) widths[start + k] = columnWidths[k]!;
    }
    start = i + 1;
  }
  return widths;
}

// Signal: furniture shapes (bylines, notes, kickers, subtitles) and headlines, which end without
// punctuation and either sit on a byline, stray from the column width or stand between paragraphs.
export function blocks(state: ReflowState): void {
  const { lines } = state;
  const shapes = markShapes(lines);
  const widths = segmentWidths(lines, (i) => shapes[i] !== undefined && shapes[i] !== "name" && shapes[i] !== "kicker" && shapes[i] !== "subtitle");
  const page: Page = { lines, widths, endsPunctuated: perLine(lines, endsWithPunctuation), punctuated: perLine(lines, hasSentencePunctuation), dateline: perLine(lines, opensWithDateline) };
  // a line stands apart from running text when what comes before it is finished: a stop, a photo
  // credit closing a caption, furniture, or a line that is itself a headline standing apart
  const apart: boolean[] = [];
  lines.forEach((_, i) => {
    const previous = lines[i - 1];
    apart.push(!previous || shapes[i - 1] !== undefined || endsSentence(previous.text) || hasPhotoCredit(previous.text) || looksLikeHeadline(page, i - 1, apart[i - 1]!));
  });
  for (let i = 0; i < lines.length; i++) {
    // a dash ends or opens many a sentence: only apart from running text is it a kicker or subtitle
    if ((shapes[i] === "kicker" || shapes[i] === "name") && !apart[i] && shapes[i - 1] !== "byline") shapes[i] = undefined;
    // a short line right above a byline or deck is a title, whatever its few characters read like (a blank
    // line between, where blanks mean something, parts a story's signature from the next story's byline)
    const onByline = !lines[i]!.blankAfter || !state.blankLinesMeaningful;
    if (shapes[i] === "name" && onByline && (shapes[i + 1] === "byline" || shapes[i + 1] === "subtitle") && !isRoleLine(lines[i + 1]!.text)) shapes[i] = "headline";
    // a unit and post on a line of their own, the name under them: a byline over two lines
    if (!shapes[i] && shapes[i + 1] === "name" && isRoleLine(lines[i]!.text)) shapes[i] = "byline";
    // a role and a name printed without a space, on a line of their own (where the line stands alone, told first:
    // most lines after a finished sentence go on, and are not cut into a role and a name)
    if (!shapes[i] && apart[i] && (i + 1 === lines.length || endsSentence(lines[i]!.text) || shapes[i + 1] !== undefined || lines[i]!.blankAfter) && splitRoleName(lines[i]!.text)) shapes[i] = "byline";
    if (shapes[i] === "subtitle" && !(i > 0 && (shapes[i - 1] === "kicker" || looksLikeHeadline(page, i - 1, apart[i - 1]!)))) {
      shapes[i] = undefined;
    }
  }
  for (let i = 0; i < lines.length; i++) {
    if (!shapes[i] && isHeadline(page, shapes, i, apart[i]!, state.blankLinesMeaningful)) shapes[i] = "headline";
    // a heading too wide for its column wraps: its second line is short and carries no stop either (a person's
    // name under a numbered heading that did not fill its line is a signature, not the heading's rest)
    const wrapsOnto = shapes[i + 1] === undefined || (shapes[i + 1] === "name" && NUMBERED.test(lines[i]!.text) && (!isSignature(lines[i + 1]!.text) || lines[i]!.width >= widths[i]! - 1));
    if ((shapes[i] === undefined || shapes[i] === "headline") && wrapsOnto && apart[i] && isWrappedHeading(page, i)) shapes[i] = shapes[i + 1] = "headline";
  }
  // a title over two lines: the line printed right above a headline, apart from the text, is its first
  for (let i = lines.length - 2; i >= 0; i--) {
    if (!shapes[i] && shapes[i + 1] === "headline" && apart[i] && (!lines[i]!.blankAfter || !state.blankLinesMeaningful) && looksLikeHeadline(page, i, true)) shapes[i] = "headline";
  }
  // a few characters that are no one's name, apart from the text and not labelling a headline under
  // them, are a short headline (`标题乙`)
  for (let i = 0; i < lines.length; i++) {
    // (a label sits right on its title: a blank line between, where blanks mean something, parts them)
    const onTitle = !lines[i]!.blankAfter || !state.blankLinesMeaningful;
    const labels = shapes[i + 1] === "headline" && onTitle && labelsTitle(lines[i]!.text, lines[i + 1]!.text);
    // (under a byline it may be the byline's next line, unless a blank line parts them)
    const underByline = shapes[i - 1] === "byline" && (!lines[i - 1]!.blankAfter || !state.blankLinesMeaningful);
    if (shapes[i] === "name" && !isSignature(lines[i]!.text) && !labels && !underByline) shapes[i] = "headline";
    // a word that is no one's name between a byline (its role and name on two lines, perhaps) and a longer
    // title labels the title (`观察`): the byline's next line would be a name
    const afterByline = shapes[i - 1] === "byline" || (shapes[i - 1] === "name" && shapes[i - 2] === "byline");
    if (shapes[i] === "name" && !isSignature(lines[i]!.text) && labels && afterByline) shapes[i] = "kicker";
  }
  // the mark alone (`摄`), or the end of a credit broken mid-word (`本报记` / `者 陆 明 摄`), ends a photo credit
  // wrapped from the column line above, whatever it reads like alone
  for (let i = 1; i < lines.length; i++) {
    if (shapes[i] !== undefined && shapes[i - 1] === undefined && (isCreditMark(lines[i]!.text) || hasPhotoCredit(lines[i]!.text, lines[i - 1]!.text))) shapes[i] = undefined;
  }
  state.blocks = groupBlocks(lines, shapes);
}

function groupBlocks(lines: readonly Line[], shapes: readonly (DisplayShape | undefined)[]): LayoutBlock[] {
  const result: LayoutBlock[] = [];
  let flow: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const shape = shapes[i];
    if (!shape) {
      flow.push(lines[i]!);
      continue;
    }
    flow = closeFlow(result, flow);
    if (shape === "headline") {
      for (const piece of sideBySide(lines[i]!)) result.push({ kind: "display", lines: [piece], shape });
      continue;
    }
    const previous = result[result.length - 1];
    // a wrapped note continues its display block
    if (shape === "note" && shapes[i - 1] === "note" && previous?.kind === "display" && !endsClosed(previous.lines)) {
      previous.lines.push(lines[i]!);
    } else {
      result.push({ kind: "display", lines: [lines[i]!], shape });
    }
  }
  closeFlow(result, flow);
  return result;
}

/** The lines of column text gathered so far make a flow block, if any; the lines to gather next. (A module
 *  function, not a closure per page: under tsx each named closure made costs a `defineProperty`.) */
function closeFlow(result: LayoutBlock[], flow: Line[]): Line[] {
  if (flow.length === 0) return flow;
  result.push({ kind: "flow", lines: flow, columnWidths: localColumnWidths(flow.map((line) => line.width)) });
  return [];
}

/**
 * Two headlines of neighbouring columns on one extracted line: parted by a wide gap, or a
 * letter-spaced one (`中 国 海 油 召 开`) beside a set one. Each piece keeps the line's number.
 */
export function sideBySide(line: Line): Line[] {
  const cuts = line.gaps.length > 0 ? line.gaps : letterSpacedSeam(line.text);
  if (cuts.length === 0) return [line];
  const pieces = [0, ...cuts].map((start, k) => line.text.slice(start, cuts[k] ?? line.text.length).trim());
  if (pieces.some((piece) => characterCount(piece.replace(/ /gu, "")) < 2)) return [line];
  return pieces.map((text) => ({ ...line, text, width: displayWidth(text), core: displayWidth(text), gaps: [] }));
}

/** Where a run of four or more single characters starts after, or ends before, a phrase of three or more. */
function letterSpacedSeam(text: string): number[] {
  // (a title with no space has no seam: most headlines end here, not split)
  if (!text.includes(" ")) return [];
  const tokens = text.split(" ");
  const single = tokens.map((token) => characterCount(token) === 1);
  // the tokens from k on are all single characters past the last one that is not, and those before k up to the first
  const lastLonger = single.lastIndexOf(false);
  const firstLonger = single.indexOf(false);
  let offset = 0;
  for (let k = 1; k < tokens.length; k++) {
    offset += tokens[k - 1]!.length + 1;
    const runAfter = k > lastLonger && tokens.length - k >= 4;
    const runBefore = (firstLonger < 0 || k <= firstLonger) && k >= 4;
    if ((runAfter && characterCount(tokens[k - 1]!) >= 3) || (runBefore && characterCount(tokens[k]!) >= 3)) return [offset - 1];
  }
  return [];
}

function endsClosed(lines: readonly Line[]): boolean {
  return endsWithMark(lines[lines.length - 1]!.text, "）)");
}
