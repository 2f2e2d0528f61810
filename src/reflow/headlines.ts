// Does a line stand apart from the running text as a headline (a title, a section heading)? The tests
// `blocks` asks of each line that no marker shaped: punctuation, width against the column, what is around it.
import type { DisplayShape, Line } from "../types.ts";
import { isSignature, outnumbers } from "./shapes.ts";
import { captionWords, hasPhotoCredit, isCreditMark } from "./captions.ts";
import { NUMBERED, opensWithDateline } from "./signals.ts";
import { characterCount, endsSentence, endsWithMark } from "./text.ts";

/** Wider than this multiple of its neighbours' median, a line is a whole paragraph on one line. */
export const LONG_LINE_RATIO = 1.6;
/** A first line is the column less its two-em indent (lost in extraction) and a little justification slack. */
const FIRST_LINE_SHORTFALL = 2.5;
/** Justified lines run at most this much (in ems) past their column. */
const WIDE_MARGIN = 1;
/** A caption says more than this many characters before its credit: fewer are the end of a wrapped one. */
const CAPTION_WORDS = 6;
/** A title over a caption is at least this much (in ems) narrower than the caption's full first line. */
const NARROWER = 1;
/** A line this much (in ems) short of the column may be a first line that lost its indent. */
const FIRST_LINE_MARGIN = 1.5;
/** A headline is at least this much wider (in ems) than the column around it… */
const HEADLINE_MARGIN = 2;
/** …or this much narrower: more than a first line, whose indent and a character pushed down by
 *  line-breaking rules (an opening quote may not end a line) make it up to three ems short. */
const SHORT_HEADLINE_MARGIN = 3.5;

/** A spaced-out line holding under this share of its column's characters was never spread by justification. */
const SPACED_SHARE = 2 / 3;

/** A test of one line's text, worked out at most once per line: several checks ask it of the same lines. */
export function perLine(lines: readonly Line[], test: (text: string) => boolean): (i: number) => boolean {
  const known: number[] = new Array(lines.length).fill(0); // 0: not asked yet, 1: no, 2: yes
  return (i) => (known[i] ||= test(lines[i]!.text) ? 2 : 1) === 2;
}

/** What the headline checks ask of a page's lines: their column widths, and tests of their text. */
export interface Page {
  lines: readonly Line[];
  widths: readonly number[];
  /** Ends with punctuation, carries sentence punctuation, or opens with a dateline: running text's marks. */
  endsPunctuated: (i: number) => boolean;
  punctuated: (i: number) => boolean;
  dateline: (i: number) => boolean;
}

/** Spread by justification to fill the column, evenly; a spread line well short of it, or with a wide gap
 *  in it (a letter-spaced title beside another), is letter-spaced (`织 得 更 密`), as titles are. */
function isJustified(line: Line, columnWidth: number): boolean {
  return line.spread && line.gaps.length === 0 && line.core >= columnWidth - SHORT_HEADLINE_MARGIN;
}

/** Two phrases set apart by a space (`凝心铸魂固根基 打造…`): how headlines are written, not sentences. */
function hasPhraseGap(line: Line): boolean {
  return !line.spread && /[\p{Script=Han}”」』）)] [\p{Script=Han}“「『（(]/u.test(line.text);
}

/** A heading over two lines: no punctuation on either, numbered or as wide as the column, the second short. */
export function isWrappedHeading({ lines, widths, punctuated }: Page, i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  // (the lines' punctuation, answered already for most, asked first: no number cut off a line to read it)
  if (!next || punctuated(i) || punctuated(i + 1)) return false;
  // a heading may name its theme before a colon (`一、组织维度：筑牢…`), but carries no other stop
  if (/[，。、；！？,.;!?]/u.test(line.text.replace(NUMBERED, "")) || /[，。、；：！？,;:!?]/u.test(next.text)) return false;
  if (line.spread || next.spread || !(NUMBERED.test(line.text) || line.width >= widths[i]! - 1)) return false;
  return next.width <= widths[i]! - SHORT_HEADLINE_MARGIN;
}

/** A line that could be a headline by itself: no punctuation, and apart from the column's text. */
export function looksLikeHeadline(page: Page, i: number, standsAlone: boolean): boolean {
  const line = page.lines[i]!;
  if (page.endsPunctuated(i) || page.punctuated(i) || isJustified(line, page.widths[i]!) || page.dateline(i)) return false;
  return standsAlone || Math.abs(line.width - page.widths[i]!) > HEADLINE_MARGIN;
}

export function isHeadline(page: Page, shapes: readonly (DisplayShape | undefined)[], i: number, standsAlone: boolean, blanksMeaningful: boolean): boolean {
  const { lines, widths, endsPunctuated, punctuated, dateline } = page;
  const line = lines[i]!;
  // a title may ask or exclaim (`为什么要…？`), never trail off in a comma or a full stop, nor close a
  // parenthesis it did not open (the end of a wrapped credit, `生 摄）`)
  if (endsPunctuated(i) && !endsWithMark(line.text, "？！?!")) return false;
  const before = shapes[i - 1];
  const after = shapes[i + 1];
  const onFurniture = after === "byline" || after === "subtitle" || before === "kicker";
  // (with sentence punctuation only furniture makes a headline, every test below wants none: most lines end here,
  // on a test the line had answered already, before its marks are counted)
  if (!onFurniture && punctuated(i)) return false;
  if (outnumbers(line.text, "）)", "（(")) return false;
  // a line ending in a photo credit is a caption's end, never a title
  if (hasPhotoCredit(line.text)) return false;
  // a caption wrapped over two lines (three, its mark alone on the last): its first line has no stop, the
  // next one only a few words before the credit (a stop is no word: a whole caption says more)
  const nextWords = creditedWords(lines, i + 1);
  if (nextWords !== undefined && characterCount(nextWords.replace(/[\s\p{P}]/gu, "")) < CAPTION_WORDS) return false;
  if (onFurniture) return true;
  // under a column label, or right above a dateline that opens its story's text (letter-spaced or not)
  const label = before === "name" && !isSignature(lines[i - 1]!.text) && (!lines[i - 1]!.blankAfter || !blanksMeaningful);
  if (!punctuated(i) && (label || (lines[i + 1] && opensWithDateline(lines[i + 1]!.text.replace(/ /gu, ""))))) return true;
  const columnWidth = widths[i]!;
  // letter-spaced apart from the text, over a line that opens a paragraph (short of its column and of the
  // line under it, and going on): justified text would go on in a full line, so this one stands alone
  const next = lines[i + 1];
  // (a line ending in a photo credit closes its caption, it goes on with nothing)
  const nextOpens = next !== undefined && !endsSentence(next.text) && widths[i + 1]! - next.core >= FIRST_LINE_MARGIN && !hasPhotoCredit(next.text);
  const afterNext = lines[i + 2];
  // (the line split into its pieces last: most lines fail the cheaper tests)
  if (line.spread && standsAlone && nextOpens && afterNext !== undefined && afterNext.width - next.core >= FIRST_LINE_MARGIN && !punctuated(i) && isSpacedOut(line.text)) return true;
  if (endsPunctuated(i) || punctuated(i) || dateline(i)) return false;
  // letter-spaced alone between blank lines: a justified line of running text always has text around it
  if (line.spread && blanksMeaningful && line.blankBefore && line.blankAfter) return true;
  // characters all set apart after finished text, with no text going on after them (the page ends, furniture
  // or a photo's credited caption follows, a blank line where blanks mean something): a letter-spaced title,
  // however near its column's width (a justified first line goes on in the next line)
  if (line.spread && standsAlone && (!next || shapes[i + 1] !== undefined || (blanksMeaningful && line.blankAfter) || hasPhotoCredit(next.text)) && isSpacedOut(line.text)) return true;
  if (isJustified(line, columnWidth)) return false;
  // letter-spaced, not justified: a title stands apart from what follows (a blank line, a byline…), or
  // is the second line of the title above it; or every character is set apart after finished text, far
  // short of its column (justification spreads only full lines, or first lines a few ems short)
  if (line.spread) return !blanksMeaningful || line.blankAfter || shapes[i + 1] !== undefined || i + 1 === lines.length || hasPhotoCredit(lines[i + 1]!.text) || before === "headline" || (standsAlone && line.core < SPACED_SHARE * columnWidth && isSpacedOut(line.text));
  // wider than the column around it, unless the text under it runs as wide: a wider column's first line,
  // where the neighbours measured are a narrow column's
  const under = lines[i + 1];
  const widerColumn = under !== undefined && !under.spread && under.width >= line.width && under.width <= line.width + HEADLINE_MARGIN && !endsSentence(under.text);
  // (or the line before broke off mid-sentence, at a comma or past one, with no blank line after it: this one
  // goes on with it; a column of short turns or paragraphs measures narrow, and a full line of plain Han runs wider)
  const previous = lines[i - 1];
  const goesOn = previous !== undefined && !previous.blankAfter && (endsWithMark(previous.text, "，、；：,;:") || (punctuated(i - 1) && !endsSentence(previous.text) && !hasPhotoCredit(previous.text)));
  if (line.width > columnWidth + HEADLINE_MARGIN && !widerColumn && !goesOn) return true;
  if (!standsAlone) return false;
  // over a photo's caption (its credit ends the next line or the one after), apart on both sides (a blank
  // line after it) or narrower than the caption's first line right under it (a caption's own first line
  // fills the column as the one under it does): a photo story's title; unless a caption ends right above
  // (captions come in series: this may be the next one's first line, broken at a column's end)
  const apartBelow = blanksMeaningful && line.blankAfter;
  if (under && (apartBelow || under.width - line.width >= NARROWER) && !(previous && hasPhotoCredit(previous.text))) {
    const creditOn = captionEnd(under, lines[i + 2], lines[i + 3]);
    if (creditOn !== undefined && (apartBelow || creditOn === 2)) return true;
  }
  // the page's last line, or apart below and over another head (one that strays from the column, or sits on
  // a byline or deck), or under one, right on it: heads printed
  // after their text stand so, and running text neither ends a page without a stop nor sits on a head
  if (i + 1 === lines.length) return true;
  const nextOnByline = shapes[i + 2] === "byline" || shapes[i + 2] === "subtitle";
  if (apartBelow && ((next !== undefined && looksLikeHeadline(page, i + 1, nextOnByline)) || (before === "headline" && !previous!.blankAfter))) return true;
  // apart on both sides and wider than justified text ever runs: a title a little wider than its column
  if (blanksMeaningful && line.blankAfter && line.width > columnWidth + WIDE_MARGIN) return true;
  // after a blank line or furniture, with no stop: running text would go on in a full line, so a next line
  // that starts short (a first line, its indent lost) and goes on opens the text under a title as wide as the column
  // the next line is a whole paragraph or caption on one long line (ending in its stop or credit): this one,
  // with no stop, does not run on into it
  // (or the page's credits follow: no text runs on into them)
  if (next && !next.spread && next.width > widths[i + 1]! * LONG_LINE_RATIO && (endsSentence(next.text) || hasPhotoCredit(next.text))) return true;
  if (shapes[i + 1] === "folio") return true;
  if ((i === 0 || line.blankBefore || before !== undefined) && nextOpens) return true;
  // shorter than even a first line that lost its indent, and no stop at its end: not running text
  // (unless the next line opens with a quote or bracket, which may not end a line: pushed down, it left this one short)
  const pushedDown = /^[“‘（《「『]/u.test(lines[i + 1]?.text ?? "");
  const short = line.width < columnWidth - (pushedDown || /[，。、；：“”《》（）]/u.test(line.text) ? SHORT_HEADLINE_MARGIN : FIRST_LINE_SHORTFALL);
  return short || hasPhraseGap(line) || NUMBERED.test(line.text);
}

/** Every piece between spaces is one character (`织 得 更 密`). */
const isSpacedOut = (text: string) => text.split(" ").every((piece) => characterCount(piece) === 1);

/** The words before the photo credit that ends line `i`, or that ends on the next line, the mark alone. */
function creditedWords(lines: readonly Line[], i: number): string | undefined {
  const line = lines[i];
  const next = lines[i + 1];
  if (!line) return undefined;
  return next && isCreditMark(next.text) && !hasPhotoCredit(line.text) ? captionWords(`${line.text} ${next.text}`) : captionWords(line.text);
}

/** Where a credit may open after a caption's words: a stop or a space (`…的海鲜。 本报记者 郝` / `建国 摄`). */
const CREDIT_OPENS = /[。！？\s]/u;

/** Which line ends the caption that starts at `first`: 1 (its credit on that line), 2 (on the next, or its
 *  credit wrapped from there onto the line after), or undefined. */
function captionEnd(first: Line, second: Line | undefined, third: Line | undefined): 1 | 2 | undefined {
  if (hasPhotoCredit(first.text)) return 1;
  if (second === undefined) return undefined;
  return hasPhotoCredit(second.text, first.text) || (third !== undefined && (isCreditMark(third.text) || (CREDIT_OPENS.test(second.text) && !endsSentence(second.text) && hasPhotoCredit(third.text, second.text)))) ? 2 : undefined;
}
