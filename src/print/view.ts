// What the print edition shows, decided in one place: the templates set it, the PDF tests count it.
import { dateLabel, weekday } from "../dates.ts";
import { isCommentary, leadStory, storyTexts } from "../layout.ts";
import type { Edition, Story } from "../types.ts";

/** Paper the print view is laid out for: A3 (broadsheet-like, the default) or A4. */
export type PaperSize = "a3" | "a4";

/** Commentaries standing side by side in one row of boxes. */
export const COMMENTARIES_PER_ROW = 3;

/** A run of the page as the print layout sets it, in reading order. */
export type PrintSection =
  /** The page's main story: its headline across the page, kicker above, subtitle below. */
  | { kind: "lead"; story: Story }
  /** Signed commentaries, each in a box, side by side. */
  | { kind: "commentaries"; stories: Story[] }
  | { kind: "story"; story: Story };

export interface Masthead {
  publication: string;
  /** e.g. "2025年6月30日 星期一"; the ISO date as given when it is not one. */
  date: string;
  /** e.g. "第4版"; empty without a page number. */
  pageNumber: string;
  pageName: string;
}

export interface PrintEdition {
  edition: Edition;
  masthead: Masthead;
  sections: PrintSection[];
}

/** A date as a Chinese newspaper prints it under the masthead; the date as given when it is not YYYY-MM-DD. */
export function newspaperDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/u.test(iso) ? `${dateLabel(iso)} ${weekday(iso)}` : iso;
}

export function mastheadFor(edition: Edition): Masthead {
  const { publication, date, page, pageNumber } = edition.meta;
  return { publication, date: newspaperDate(date), pageNumber: pageNumber === undefined ? "" : `第${pageNumber}版`, pageName: page };
}

/** The lead first, then the rest in page order, consecutive commentaries grouped into rows. */
export function printSections(stories: readonly Story[]): PrintSection[] {
  const lead = leadStory(stories);
  const sections: PrintSection[] = lead ? [{ kind: "lead", story: lead }] : [];
  for (const story of stories) {
    if (story === lead) continue;
    const previous = sections.at(-1);
    if (!isCommentary(story)) sections.push({ kind: "story", story });
    else if (previous?.kind === "commentaries" && previous.stories.length < COMMENTARIES_PER_ROW) previous.stories.push(story);
    else sections.push({ kind: "commentaries", stories: [story] });
  }
  return sections;
}

export function printEdition(edition: Edition): PrintEdition {
  return { edition, masthead: mastheadFor(edition), sections: printSections(edition.stories) };
}

/** Every string the print view of one edition sets, once each and in reading order: masthead, stories, credits. */
export function printedTexts(view: PrintEdition): string[] {
  const { publication, date, pageNumber, pageName } = view.masthead;
  const stories = view.sections.flatMap((section) => (section.kind === "commentaries" ? section.stories : [section.story]));
  return [publication, date, pageNumber, pageName, ...stories.flatMap(storyTexts), ...view.edition.credits];
}

/** What the running header repeats on each page after an edition's first. */
export function runningHeadTexts(view: PrintEdition): string[] {
  const { publication, date, pageNumber, pageName } = view.masthead;
  return [publication, date, pageNumber, pageName];
}
