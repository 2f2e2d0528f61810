// Who wrote and who photographed a story, read off its byline as printed.
import { isHan } from "./text.ts";

export interface Credits {
  authors: string[];
  photographers: string[];
}

/** `文/` text by, `图/` photos by, `摄影/`, `记者` reporter, `通讯员` correspondent. */
const ROLE_MARKER = /(?:本报)?(?:特约)?(文|图|摄影|摄|记者|通讯员|实习生|作者)\s*[/／:：]?\s*/gu;
const PHOTO_ROLES = new Set(["图", "摄影", "摄"]);
/** A job title printed before the names in a `role name` byline. */
const LEADING_ROLE = /^(?:本报)?(?:特约)?(?:记者|通讯员|实习生|编辑|作者)/u;

/** Names in a run of tokens: single characters padded apart (`徐 勇`) belong to one name. */
export function namesIn(text: string): string[] {
  const tokens = text.split(/[\s、，,；;]+/u).filter(Boolean);
  const names: string[] = [];
  let padded = "";
  for (const token of tokens) {
    if ([...token].length === 1 && isHan(token)) {
      padded += token;
      continue;
    }
    if (padded) names.push(padded);
    padded = "";
    names.push(token);
  }
  if (padded) names.push(padded);
  return names;
}

function isNameLike(token: string): boolean {
  const chars = [...token];
  return chars.length <= 4 && chars.every(isHan);
}

export function parseByline(byline: string): Credits {
  const text = byline.replace(/^[□■◎\s]+/u, "").trim();
  const marked = [...text.matchAll(ROLE_MARKER)].filter((match) => /[/／:：]/u.test(match[0]) || match.index === 0);
  if (marked.length > 0 && /[/／:：]/u.test(text)) return parseMarked(text, marked);
  // `摄` after the names: `张三 摄`
  const photoSuffix = /\s*摄$/u.test(text) && !/摄影?[/／]/u.test(text);
  const plain = text.replace(/\s*摄$/u, "").replace(LEADING_ROLE, " ").trim();
  const tokens = plain.split(" ");
  let first = tokens.length - 1;
  while (first > 0 && isNameLike(tokens[first - 1]!)) first--;
  if (first > 0 && !isNameLike(tokens[first]!)) first = tokens.length;
  const names = namesIn(tokens.slice(first).join(" "));
  return photoSuffix ? { authors: [], photographers: names } : { authors: names, photographers: [] };
}

function parseMarked(text: string, markers: RegExpMatchArray[]): Credits {
  const credits: Credits = { authors: [], photographers: [] };
  markers.forEach((marker, k) => {
    const start = marker.index! + marker[0].length;
    const end = markers[k + 1]?.index ?? text.length;
    const names = namesIn(text.slice(start, end));
    (PHOTO_ROLES.has(marker[1]!) ? credits.photographers : credits.authors).push(...names);
  });
  return credits;
}
