// Photo captions end with their photographer's credit: `…召开。本报记者 赵六 摄`, `（施雨桐 摄）`,
// `（受访者供图）`. The credit marks the caption and names who goes into `photographers`.
import { namesIn } from "./bylines.ts";
import { characterCount, isSpaceCode } from "./text.ts";

/** The credit at a caption's end, with or without parentheses and a stop before it. After a stop it is
 *  a post and names, never a clause: `…降至零下二摄` (a word broken at the line's end) is no credit. */
const CREDIT = /(?:[（(]([^（）()]{0,30}?)\s*(?:摄影?|供图|供稿图|图)\s*[）)]|(?:^([^。！？（）()]{0,30}?)|[。！？\s]([^。！？（）()，；]{0,30}?))\s*摄影?)\s*$/u;
/** Who a credit names besides the names: 本报记者, 新华社记者, 通讯员, 受访者, 资料图… */
const NOT_NAMES = /(?:[\p{Script=Han}]{0,6}(?:记者|通讯员|实习生|摄影师|摄影|受访者|资料|本报|单位|图片))/gu;

/** `摄`, `影` (摄影), `）`, `)`: the characters a credit ends with. */
const [SHOT, SHADOW, CLOSE_PAREN, CLOSE_PAREN_ASCII] = [0x6444, 0x5f71, 0xff09, 0x29];

/**
 * Only a text ending in `摄`, `摄影` or a closing parenthesis can end in a credit: checked first,
 * cheaply. The text may follow `before` (a line after the line before it): the two are joined only
 * when the text's end could be a credit's, since a line is asked this with and without the one before.
 */
function creditTail(text: string, before = ""): string | undefined {
  // read by character code, nothing sliced or trimmed: most lines of a page are asked, and fail here
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === 0) return before === "" ? undefined : creditTail(before);
  const last = text.charCodeAt(end - 1);
  return last === SHOT || last === SHADOW || last === CLOSE_PAREN || last === CLOSE_PAREN_ASCII ? (before + text.slice(0, end)).slice(-48) : undefined;
}

/** The text (after `before`, if given) ends in a photo credit. */
export function hasPhotoCredit(text: string, before = ""): boolean {
  const tail = creditTail(text, before);
  return tail !== undefined && mayEndInCredit(tail) && CREDIT.test(tail);
}

/** `图`. */
const PICTURE = 0x56fe;

/**
 * A credit ends in `摄`, `摄影`, or a parenthesis closed right after `摄`, `摄影` or `图` (`供图`): a tail ending
 * otherwise (a dateline's `（记者 张三）`, a note's `（作者系…）`) is told by its last codes, before the pattern is
 * tried from every position of it.
 */
function mayEndInCredit(tail: string): boolean {
  let j = tail.length - 1;
  const last = tail.charCodeAt(j);
  if (last === SHOT) return true;
  if (last === SHADOW) return tail.charCodeAt(j - 1) === SHOT;
  // a closing parenthesis (`creditTail` ends on one of these four): the mark before it, past any whitespace
  for (j--; j >= 0 && isSpaceCode(tail.charCodeAt(j)); j--);
  const mark = tail.charCodeAt(j);
  return mark === SHOT || mark === SHADOW || mark === PICTURE;
}

/** The photographers a caption credits (none for `受访者供图`). */
export function photographersIn(text: string): string[] {
  const tail = creditTail(text);
  const credit = tail === undefined || !mayEndInCredit(tail) ? null : CREDIT.exec(tail);
  if (!credit) return [];
  const named = (credit[1] ?? credit[2] ?? credit[3] ?? "").replace(NOT_NAMES, " ");
  return namesIn(named).filter((name) => /^\p{Script=Han}{2,4}$/u.test(name));
}

/** A piece of a credit: no stop, a name's few characters or a post. (A module function: under tsx each named
 *  closure made costs a `defineProperty`.) */
const isCreditPiece = (piece: string) => !/[。！？，]/u.test(piece) && (characterCount(piece) <= 4 || /(?:记者|通讯员|摄影师|实习生)$/u.test(piece));

/** The words of a caption before its credit (`橘（受访者供图）` → `橘`, `作业。 通讯员 张三 摄` → `作业。`); undefined without a credit. */
export function captionWords(text: string): string | undefined {
  if (!hasPhotoCredit(text)) return undefined;
  const end = text.trimEnd();
  const paren = end.search(/[（(][^（）()]*[）)]$/u);
  if (paren >= 0) return end.slice(0, paren);
  // `… 本报记者 张三 摄`: the credit's pieces are a post, names and the mark, none holding a stop
  const pieces = end.split(" ");
  while (pieces.length > 1 && isCreditPiece(pieces[pieces.length - 1]!)) pieces.pop();
  return pieces.join(" ");
}

/** A photo credit's mark on a line of its own: `摄`, `摄影`, perhaps closing its parenthesis. */
const CREDIT_MARK = /^\s*摄影?\s*[）)]?\s*$/u;

/** The mark alone (`摄`): the end of a credit wrapped from the line above. */
export function isCreditMark(text: string): boolean {
  return CREDIT_MARK.test(text);
}

/** A photo credit with no caption words before it (`本报记者 张三 摄`, `（受访者供图）`): the end of a caption wrapped onto its own line. */
export function isCreditOnly(text: string): boolean {
  return hasPhotoCredit(text) && !/[。！？，；]/u.test(text) && /^\s*(?:[（(]|(?:本报|新华社)?(?:记者|通讯员|实习生|摄影))/u.test(text);
}
