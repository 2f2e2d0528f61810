// What the PDF front end knows about a page: positioned text runs, rules, boxes and pictures,
// then the lines, blocks and stories its passes make of them. Units are PDF points, y downwards.
import type { Decision, Role, Story } from "../types.ts";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One piece of text as the PDF draws it, in one font: often a printed line, sometimes one character. */
export interface TextRun extends Rect {
  text: string;
  /** Baseline, from the top of the page. */
  baseline: number;
  /** Font size (em height) in points. */
  size: number;
  /** The font's name without its subset prefix, e.g. `NotoSerifSC-Regular`. */
  family: string;
  bold: boolean;
}

/** A page as read from the PDF: what the passes start from, and what the cache keeps. */
export interface PageGeometry {
  /** 1-based page number in its PDF. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Thin strokes and fills: column rules, the rules under a masthead or above a footer. */
  rules: Rect[];
  /** Framed or shaded rectangles large enough to hold text: boxes round commentaries and notices. */
  boxes: Rect[];
  /** Pictures, as their visible (clipped) rectangles. */
  images: Rect[];
}

/** One printed line of one column: runs on a baseline, with no column gap between them. */
export interface PdfLine extends Rect {
  text: string;
  size: number;
  /** The family (and boldness) of most of its characters. */
  family: string;
  bold: boolean;
  /** 1-based line of the page's extracted text (reading order): what decisions and messages point at. */
  number: number;
}

/** What a block is on the page: the roles of the edition, plus headlines not yet given to a story. */
export type BlockRole = Role | "headline";

/** Lines of one kind set together: a column's run of body text, a headline, a byline, a caption. */
export interface PdfBlock extends Rect {
  id: number;
  lines: PdfLine[];
  size: number;
  family: string;
  bold: boolean;
  role: BlockRole;
  /** Index of the box (PageGeometry.boxes) the block is printed in, if any. */
  box?: number;
}

/** The shared state the PDF passes read and extend, like the reflow's. */
export interface PdfState {
  geometry: PageGeometry;
  lines: PdfLine[];
  /** Blocks in reading order once `order` has run. */
  blocks: PdfBlock[];
  /** The size and family most body characters are set in. */
  bodySize: number;
  bodyFamily: string;
  stories: Story[];
  credits: string[];
  decisions: Decision[];
}
