// Character grams of a text, numbered: bigrams (and single characters) within runs of words, the
// matter `Affinity` compares texts by. Numbers, not strings, for speed: reflow compares every page's texts.
import { isHanCode } from "./text.ts";

/** Characters that make up words: Han characters, Latin letters, digits. */
function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || isHanCode(code);
}

/** Above every code point: the key of a pair of rare characters (see `pairKey`). */
const BASE = 0x110000;
/** Characters numbered below this make a pair key that V8 keeps as a small integer (below 2^30). */
const SMALL = 0x8000;

/**
 * A bigram's key from its characters' numbers: negative, so apart from single characters' keys
 * (their numbers). Small integers hash and store without allocating, so numbers below `SMALL`
 * pack into a small key; larger ones (only from `grams`' default numbering) take keys past 2^30.
 */
function pairKey(first: number, second: number): number {
  return first < SMALL && second < SMALL ? -(1 + first * SMALL + second) : -(1 + SMALL * SMALL + first * BASE + second);
}

/** Each gram's key in `text`, in order: a character's number, a bigram's `pairKey` (see `grams`). */
function forEachGram(text: string, characters: boolean, number: (code: number) => number, visit: (key: number) => void): void {
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (!isWordCode(code)) {
      previous = -1;
      continue;
    }
    const current = number(code);
    if (characters) visit(current);
    if (previous >= 0) visit(pairKey(previous, current));
    previous = current;
  }
}

/**
 * Character bigrams, and with `characters` single characters too, within runs of Han characters,
 * letters and digits, with their counts; keyed by code points (see `pairKey`), for tests and tools.
 */
export function grams(text: string, characters = false): Map<number, number> {
  const result = new Map<number, number>();
  forEachGram(text, characters, (code) => code, (key) => result.set(key, (result.get(key) ?? 0) + 1));
  return result;
}

/** A text's distinct grams by number, in order of first use, with their counts; `serial` tells texts apart. */
export interface TextGrams {
  readonly serial: number;
  readonly ids: number[];
  readonly counts: number[];
  /** The total weight of its distinct grams, once an `Affinity` has weighed them. */
  mass?: number;
}

/** A typed array at least `size` long, holding what `array` held. */
export function grow(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}

/**
 * Numbers the grams of one page's texts densely from 0, in order of first sight: characters by a
 * dense number of their own (so that bigram keys stay small integers), grams by their key.
 */
export class GramTable {
  private readonly characterNumbers = new Map<number, number>();
  private readonly numbers = new Map<number, number>();
  /** While a text is counted: the serial of the text that last saw each gram, and its place there. */
  private seenBy: Int32Array = new Int32Array(64);
  private place: Int32Array = new Int32Array(64);
  private serial = 0;

  private readonly number = (code: number): number => {
    let found = this.characterNumbers.get(code);
    if (found === undefined) this.characterNumbers.set(code, (found = this.characterNumbers.size));
    return found;
  };

  /** How many grams are numbered so far. */
  get size(): number {
    return this.numbers.size;
  }

  gramsOf(text: string, characters: boolean): TextGrams {
    const grams: TextGrams = { serial: ++this.serial, ids: [], counts: [] };
    forEachGram(text, characters, this.number, (key) => {
      let id = this.numbers.get(key);
      if (id === undefined) {
        this.numbers.set(key, (id = this.numbers.size));
        if (id >= this.seenBy.length) [this.seenBy, this.place] = [grow(this.seenBy, 2 * id), grow(this.place, 2 * id)];
      }
      if (this.seenBy[id] === grams.serial) grams.counts[this.place[id]!]!++;
      else {
        this.seenBy[id] = grams.serial;
        this.place[id] = grams.ids.length;
        grams.ids.push(id);
        grams.counts.push(1);
      }
    });
    return grams;
  }
}

/** A gram's text (of `grams`' default numbering), for tests and tools. */
export function gramText(gram: number): string {
  if (gram >= 0) return String.fromCodePoint(gram);
  const key = -gram - 1;
  return key < SMALL * SMALL ? String.fromCodePoint(Math.floor(key / SMALL), key % SMALL) : String.fromCodePoint(Math.floor((key - SMALL * SMALL) / BASE), (key - SMALL * SMALL) % BASE);
}

