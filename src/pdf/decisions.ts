// Geometric decisions, recorded for `--explain`: where the block stands, what was decided and why.
import type { Decision } from "../types.ts";
import type { PdfBlock } from "./model.ts";
import { blockText } from "./text.ts";

export function record(decisions: Decision[], pass: string, block: PdfBlock, confidence: number, message: string): void {
  decisions.push({
    pass,
    line: block.lines[0]!.number,
    confidence,
    message: `${block.role} block at (${Math.round(block.x)}, ${Math.round(block.y)}) pt ${message}`,
    context: blockText(block).slice(0, 40),
  });
}
