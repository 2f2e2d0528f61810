// Word boundaries for the search index. Pagefind 1.5 splits Chinese into words one way when it
// indexes (its own dictionary) and another way when a reader searches (the browser's
// Intl.Segmenter, i.e. ICU), so many words typed into the search box never matched the index
// (upstream issue #1237). We index text already split by ICU, the same segmenter the browser
// uses, with a space at each word boundary, and have Pagefind split on spaces only.

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

/** `广安市政协机关` → `广安市 政协 机关`: a space between two adjacent words (punctuation already separates). */
export function spaceWords(text: string): string {
  let out = "";
  let previousWordLike = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && previousWordLike) out += " ";
    out += segment;
    previousWordLike = Boolean(isWordLike);
  }
  return out;
}

/**
 * The same HTML with words spaced in its text, and nothing else changed: tags and their attributes
 * (where the page keeps values Pagefind reads verbatim, like filters and the title) stay as they
 * are. Text never contains `<` in markup the site writes (Nunjucks escapes it), so splitting at tags
 * is exact; script and style bodies are left alone.
 */
export function spaceWordsInHtml(html: string): string {
  let inRawText = false;
  return html
    .split(/(<[^>]*>)/u)
    .map((piece) => {
      if (piece.startsWith("<")) {
        if (/^<(script|style)\b/iu.test(piece)) inRawText = true;
        else if (/^<\/(script|style)\b/iu.test(piece)) inRawText = false;
        return piece;
      }
      return inRawText ? piece : spaceWords(piece);
    })
    .join("");
}

/** Undo `spaceWords` for display: drop a space between two letters or digits when either is Han (marks of a search hit may sit between). */
export const UNSPACE_PATTERN = /(?<=\p{Script=Han}(?:<\/?mark>)?) (?=(?:<\/?mark>)?[\p{L}\p{N}])|(?<=[\p{L}\p{N}](?:<\/?mark>)?) (?=(?:<\/?mark>)?\p{Script=Han})/gu;
