// Editors name text by phrases copied from the page or the reflow's output; line breaks and the
// spaces that justification or extraction put in must not stop a phrase from matching.

/** A match of a phrase in a text: [start, end) offsets into the text as it is. */
export interface PhraseMatch {
  start: number;
  end: number;
}

const SPACE = /\s/u;

/** Every place the phrase occurs in the text, ignoring whitespace in both. */
export function findPhrase(text: string, phrase: string): PhraseMatch[] {
  const wanted = squash(phrase);
  if (wanted === "") return [];
  // squashed text, and for each of its code units the offset it came from
  let squashed = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (SPACE.test(text[i]!)) continue;
    squashed += text[i];
    offsets.push(i);
  }
  const matches: PhraseMatch[] = [];
  for (let at = squashed.indexOf(wanted); at >= 0; at = squashed.indexOf(wanted, at + 1)) {
    matches.push({ start: offsets[at]!, end: offsets[at + wanted.length - 1]! + 1 });
  }
  return matches;
}

export function containsPhrase(text: string, phrase: string): boolean {
  return findPhrase(text, phrase).length > 0;
}

export function endsWithPhrase(text: string, phrase: string): boolean {
  const wanted = squash(phrase);
  return wanted !== "" && squash(text).endsWith(wanted);
}

export function squash(text: string): string {
  return text.replace(/\s+/gu, "");
}

/** Two texts as one paragraph: no space between them unless both sides are Latin letters or digits. */
export function joinTexts(first: string, second: string): string {
  const a = first.trimEnd();
  const b = second.trimStart();
  return /[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : a + b;
}

/** A phrase shortened for messages. */
export function quote(text: string, length = 24): string {
  const chars = [...text.replace(/\s+/gu, " ").trim()];
  return `“${chars.length > length ? `${chars.slice(0, length).join("")}…` : chars.join("")}”`;
}
