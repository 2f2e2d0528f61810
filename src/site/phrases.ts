// Where a headline may break. A Chinese headline is set as phrases apart (`奋楫扬帆正当时 凝心聚力谱新篇`);
// a line should break between them, and a phrase too long for the line only between its words
// (ICU's word boundaries, as the browser's own segmenter finds them), never inside a word or name.
// ICU splits some words too finely (办公|室): a lone character keeps to the word before it, as does
// closing punctuation, while opening punctuation keeps to the word after it.

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

export interface Phrase {
  /** The phrase's words, in order; joined they give the phrase. */
  words: string[];
  /** The whitespace after it, as printed ("" for the last). */
  space: string;
}

/** `text` as phrases of words: joining every word and space gives the text back unchanged. */
export function phrases(text: string): Phrase[] {
  const parts = text.split(/(\s+)/u);
  const result: Phrase[] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const phrase = parts[k]!;
    const space = parts[k + 1] ?? "";
    if (phrase === "") {
      if (result.length > 0) result.at(-1)!.space += space;
      else if (space !== "") result.push({ words: [], space });
      continue;
    }
    result.push({ words: wordsOf(phrase), space });
  }
  return result;
}

const OPENING = /^[\p{Ps}\p{Pi}]$/u;

function wordsOf(phrase: string): string[] {
  const words: string[] = [];
  let pending = "";
  for (const { segment } of segmenter.segment(phrase)) {
    if (OPENING.test(segment)) pending += segment;
    else if ([...segment].length === 1 && words.length > 0 && pending === "") words[words.length - 1] += segment;
    else {
      words.push(pending + segment);
      pending = "";
    }
  }
  if (pending !== "") words.push(pending);
  return words;
}
