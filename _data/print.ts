// Whether this build prints PDFs: not with `--no-pdf`, nor without a usable Chromium (the build
// then says so, src/site/data.ts), nor in `npm start` (the dev server renders none). The pages link
// PDFs only when it does.
import { buildDigestReady } from "../src/site/data.ts";

export default async function print() {
  await buildDigestReady();
  return { pdfs: process.env.BROADSHEET_PDF !== "0" && process.env.ELEVENTY_RUN_MODE !== "serve" };
}
