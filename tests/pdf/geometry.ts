// Hand-made page geometry for the PDF passes' unit tests: text runs placed like a typesetter would.
import type { PageGeometry, Rect, TextRun } from "../../src/pdf/model.ts";

export function run(text: string, x: number, baseline: number, size = 10, family = "Body", width?: number): TextRun {
  const advance = width ?? [...text].reduce((sum, char) => sum + (/[\x20-\x7e]/u.test(char) ? size / 2 : size), 0);
  return { text, x, y: baseline - size * 0.88, width: advance, height: size, baseline, size, family, bold: /bold/iu.test(family) };
}

/** A column of body lines, one run each, `leading` points apart. */
export function column(lines: readonly string[], x: number, top: number, size = 10, leading = 1.5 * size, family = "Body"): TextRun[] {
  return lines.map((line, i) => run(line, x, top + size + i * leading, size, family));
}

export function page(runs: TextRun[], shapes: Partial<Pick<PageGeometry, "rules" | "boxes" | "images">> = {}, width = 600, height = 800): PageGeometry {
  return { page: 1, width, height, runs, rules: shapes.rules ?? [], boxes: shapes.boxes ?? [], images: shapes.images ?? [] };
}

export const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
