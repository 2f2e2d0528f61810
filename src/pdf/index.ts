// The PDF front end: a chain of small passes over one shared state, like the reflow's, from a
// page's positioned text to its stories. Each pass reads what earlier passes left and adds its part.
import { runChain } from "../reflow/index.ts";
import type { ReflowResult } from "../types.ts";
import { assemble } from "./assemble.ts";
import { blocks } from "./blocks.ts";
import { body, furniture } from "./furniture.ts";
import { lines } from "./lines.ts";
import type { PageGeometry, PdfState } from "./model.ts";
import { order } from "./order.ts";
import { roles } from "./roles.ts";

export type PdfPass = (state: PdfState) => void;

/** The passes, in the order they run. */
export const pdfPasses: ReadonlyArray<readonly [name: string, pass: PdfPass]> = [
  ["body", body],
  ["lines", lines],
  ["blocks", blocks],
  ["order", order],
  ["furniture", furniture],
  ["roles", roles],
  ["assemble", assemble],
];

export function createPdfState(geometry: PageGeometry): PdfState {
  return { geometry, lines: [], blocks: [], bodySize: 0, bodyFamily: "", stories: [], credits: [], decisions: [] };
}

/** Run the passes up to and including `until` (all by default): for tests and tools. */
export function runPdfPasses(geometry: PageGeometry, until?: string): PdfState {
  return runChain(createPdfState(geometry), pdfPasses, until);
}

/** The page's text as read, a line of the page per line in reading order: what the edition must hold. */
export function pageText(state: PdfState): string {
  return state.blocks.flatMap((block) => block.lines.map((line) => line.text)).join("\n");
}

/** Reflow one PDF page into its stories and credits. */
export function reflowPdfPage(geometry: PageGeometry): ReflowResult & { text: string } {
  const state = runPdfPasses(geometry);
  return { stories: state.stories, credits: state.credits, decisions: state.decisions, text: pageText(state) };
}
