// Word boundaries for the search index. Pagefind 1.5 splits Chinese into words one way when it
// indexes (its own dictionary) and another way when a reader searches (the browser's
// Intl.Segmenter, i.e. ICU), so many words typed into the search box never matched the index
// (upstream issue #1237). We index text already split by ICU, the same segmenter the browser
// uses, with a space at each boundary, and have Pagefind split at spaces only (search.ts).

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

/** Han characters and the punctuation set with them (full-width forms, CJK and general punctuation, the middle dot of names). */
const WIDE = /[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF]/u;
const SPACE = /\s/u;

/**
 * What `spaceWords` asks of the characters either side of each boundary (two a word, a million
 * words at 100 pages), by UTF-16 unit: tested by the patterns once and remembered. A unit's kind
 * is KNOWN, plus WIDE_UNIT and SPACE_UNIT where they hold (0: not yet tested). As with the
 * patterns on one unit, half a surrogate pair is neither.
 */
const KNOWN = 1;
const WIDE_UNIT = 2;
const SPACE_UNIT = 4;
const unitKinds = new Uint8Array(0x10000);

function kindOf(unit: number): number {
  let kind = unitKinds[unit]!;
  if (kind === 0) {
    const character = String.fromCharCode(unit);
    kind = KNOWN | (WIDE.test(character) ? WIDE_UNIT : 0) | (SPACE.test(character) ? SPACE_UNIT : 0);
    unitKinds[unit] = kind;
  }
  return kind;
}

/**
 * Where a text may be cut into pieces that ICU segments alike one by one: after a Chinese stop or
 * comma (a word boundary on both sides, as punctuation always is), unless a combining mark or a
 * format character follows (ICU keeps those with the character before). V8's Intl.Segmenter takes
 * time growing with the square of the text's length (a 60,000-character text: 3 s; its lines one
 * by one: 0.15 s), and each call to it costs about as much as segmenting a clause: so a long text is
 * segmented in pieces of whole clauses of up to PIECE_LENGTH characters.
 */
const CLAUSE_END = /(?<=[，。、；：！？])(?![\p{M}\p{Cf}])/u;
const PIECE_LENGTH = 300;

/** `text` in pieces of whole clauses, each as long as it can be up to PIECE_LENGTH (a longer clause alone). */
function pieces(text: string): string[] {
  if (text.length <= PIECE_LENGTH) return [text];
  const joined: string[] = [];
  let piece = "";
  for (const clause of text.split(CLAUSE_END)) {
    if (piece !== "" && piece.length + clause.length > PIECE_LENGTH) {
      joined.push(piece);
      piece = "";
    }
    piece += clause;
  }
  if (piece !== "") joined.push(piece);
  return joined;
}

/**
 * `会上，徐勇、李小宏` → `会 上 ， 徐 勇 、 李 小 宏`: a space at every ICU boundary that touches a Han
 * character or Chinese punctuation (which Pagefind would otherwise glue to the next word). Runs of
 * Latin letters, digits and `&entities;` are left whole.
 */
export function spaceWords(text: string): string {
  // joined once at the end: a string built by `+=` is a chain of one node per segment until it is
  // read, and the build keeps every spaced text (`indexableHtml`) — twice the memory, and GC time
  const words: string[] = [];
  let before = 0; // the kind of the last unit of the segment before (0: none yet)
  for (const piece of pieces(text)) {
    for (const { segment } of segmenter.segment(piece)) {
      const after = kindOf(segment.charCodeAt(0));
      if (before !== 0 && !((before | after) & SPACE_UNIT) && (before | after) & WIDE_UNIT) words.push(" ");
      words.push(segment);
      before = kindOf(segment.charCodeAt(segment.length - 1));
    }
  }
  return words.join("");
}

/**
 * The copy of a page Pagefind indexes: its text with words spaced, and escaped once more. Pagefind
 * keeps a page's text with entities decoded (`&lt;b&gt;` becomes `<b>`) and its UI shows excerpts
 * of it as HTML, so source text that looks like markup would become markup in search results;
 * escaped twice, it comes out of Pagefind still escaped, and shows as the text it is. Tags and their
 * attributes (where the page keeps values Pagefind reads verbatim: filters, the title) stay as they
 * are. Text never contains `<` in markup the site writes (Nunjucks escapes it), so splitting at
 * tags is exact; script and style bodies are left alone. `spaced` keeps each text spaced, as it
 * appears in the page, for the next page that shows it (an edition's credits are on each of its stories).
 */
export function indexableHtml(html: string, spaced = new Map<string, string>()): string {
  let inRawText = false;
  return html
    .split(/(<[^>]*>)/u)
    .map((piece) => {
      if (piece.startsWith("<")) {
        if (/^<(script|style)\b/iu.test(piece)) inRawText = true;
        else if (/^<\/(script|style)\b/iu.test(piece)) inRawText = false;
        return piece;
      }
      if (inRawText) return piece;
      // no spaces go into text without a Han character or Chinese punctuation (most of the markup's)
      if (!WIDE.test(piece)) return piece.replaceAll("&", "&amp;");
      let words = spaced.get(piece);
      if (words === undefined) spaced.set(piece, (words = spaceWords(piece)));
      return words.replaceAll("&", "&amp;");
    })
    .join("");
}

// For display, the search page undoes the spacing in result excerpts (src/site/assets/search.js,
// which cannot import this module; a test keeps the patterns equal).

/** Pagefind ends each block of a page with `.`; after Chinese text, a wide space reads better. */
export const BLOCK_STOP_PATTERN = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])\.(<\/mark>)? /gu;
/** A space next to a Han character or Chinese punctuation (search marks may sit between) was ours. */
export const UNSPACE_PATTERN = /(?<=[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF](?:<\/?mark>)?) | (?=(?:<\/?mark>)?[\p{Script=Han}\u00B7\u2010-\u2027\u3000-\u303F\uFF00-\uFFEF])/gu;

/** What the search page shows for an excerpt of spaced text. */
export const tidyExcerpt = (excerpt: string) => excerpt.replace(BLOCK_STOP_PATTERN, "$1\u3000").replace(UNSPACE_PATTERN, "");
