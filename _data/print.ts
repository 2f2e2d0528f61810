// Whether this build prints PDFs (not with `--no-pdf`, nor without a usable Chromium): the pages
// link PDFs only when it does. The build sets BROADSHEET_PDF=0 to say it does not.
export default function print() {
  return { pdfs: process.env.BROADSHEET_PDF !== "0" };
}
