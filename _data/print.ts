// Whether this build prints PDFs: not with `--no-pdf`, nor without a usable Chromium (the build
// then sets BROADSHEET_PDF=0), nor in `npm start` (the dev server renders none). The pages link
// PDFs only when it does.
export default function print() {
  return { pdfs: process.env.BROADSHEET_PDF !== "0" && process.env.ELEVENTY_RUN_MODE !== "serve" };
}
