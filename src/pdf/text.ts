// A block's text: as the edition keeps it (justification spaces gone) and as a headline shows it.
import { compactSpaces, isHan } from "../reflow/text.ts";
import type { PdfBlock } from "./model.ts";

export function blockText(block: PdfBlock): string {
  return compactSpaces(block.lines.map((line) => line.text).join(" "));
}

/** A line spread by justification or letter-spacing has a space after most characters. */
const SPREAD = 1 / 3;

/**
 * A headline's text as printed: its lines joined with a space, and the spaces that part its words
 * (`统筹协调 规范管理`) kept, unless the line is spread and every character stands apart.
 */
export function displayText(block: PdfBlock): string {
  // a headline set vertically comes a character per line: one word, not words apart
  const vertical = block.lines.length > 1 && block.lines.every((line) => [...line.text.replace(/\s+/gu, "")].length === 1);
  return block.lines
    .map((line) => {
      const spaces = (line.text.match(/ /gu) ?? []).length;
      if (spaces > SPREAD * line.text.replace(/ /gu, "").length) return compactSpaces(line.text);
      return line.text.replace(/ (?=\S)/gu, (space, offset: number, whole: string) => (wordSpace(whole[offset - 1], whole[offset + 1]) ? space : ""));
    })
    .join(vertical ? "" : " ");
}

/** A space between two Han words or two Latin words means something; next to punctuation or digits beside Han it does not. */
const wordSpace = (before = "", after = "") => (isHan(before) && isHan(after)) || (/[A-Za-z0-9]/u.test(before) && /[A-Za-z0-9]/u.test(after));
