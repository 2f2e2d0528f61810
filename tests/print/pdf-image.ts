// A PDF page as a PNG, drawn by pdf.js (unpdf's build) in Chromium from the PDF's own embedded
// fonts, with the figures a test can check: how much ink, and where the long vertical rules are.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";

const ORIGIN = "http://pdf-image.invalid";

/** Runs in the page (plain JavaScript): draws the page, then measures ink and vertical rules. */
const DRAW = `async ({ origin, pageNumber, scale }) => {
  const pdfjs = await import(\`\${origin}/pdf.mjs\`);
  const bytes = new Uint8Array(await (await fetch(\`\${origin}/page.pdf\`)).arrayBuffer());
  const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false }).promise;
  const pdfPage = await pdf.getPage(pageNumber);
  const viewport = pdfPage.getViewport({ scale });
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const context = canvas.getContext("2d");
  await pdfPage.render({ canvasContext: context, viewport, canvas }).promise;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  const rules = [];
  for (let x = 0; x < width; x++) {
    let run = 0;
    let longest = 0;
    for (let y = 0; y < height; y++) {
      const k = (y * width + x) * 4;
      run = data[k] + data[k + 1] + data[k + 2] < 600 ? run + 1 : 0;
      if (run > 0) inked++;
      longest = Math.max(longest, run);
    }
    if (longest > height / 20) {
      // a rule a few pixels wide counts once: extend the previous one if it ended at x - 1
      if (rules.at(-1) === x - 1) rules[rules.length - 1] = x;
      else rules.push(x);
    }
  }
  return { dataUrl: canvas.toDataURL("image/png"), width, height, ink: inked / (width * height), rules };
}`;

interface Drawn {
  dataUrl: string;
  width: number;
  height: number;
  ink: number;
  rules: number[];
}

export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  /** Share of pixels darker than light grey. */
  ink: number;
  /** x of each vertical line longer than three lines of text (column rules, box sides): glyphs never stack that high. */
  verticalRules: number[];
}

export async function renderPdfPage(browser: Browser, file: string, pageNumber: number, scale = 1.5): Promise<PageImage> {
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === "/pdf.mjs") await route.fulfill({ path: resolve("node_modules/unpdf/dist/pdfjs.mjs"), contentType: "text/javascript" });
      else if (pathname === "/page.pdf") await route.fulfill({ body: readFileSync(file), contentType: "application/pdf" });
      else await route.fulfill({ body: "<!doctype html><title>page</title>", contentType: "text/html" });
    });
    await page.goto(`${ORIGIN}/`);
    // a string, not a function: the test runner rewrites import() inside functions it compiles
    const drawn = (await page.evaluate(`(${DRAW})(${JSON.stringify({ origin: ORIGIN, pageNumber, scale })})`)) as Drawn;
    return {
      png: Buffer.from(drawn.dataUrl.split(",")[1]!, "base64"),
      width: drawn.width,
      height: drawn.height,
      ink: drawn.ink,
      verticalRules: drawn.rules,
    };
  } finally {
    await page.close();
  }
}
