// Character grams of a text, numbered: bigrams (and single characters) within runs of words, the
// matter `Affinity` compares texts by. Numbers, not strings, for speed: reflow compares every page's texts.
import { isHanCode } from "./text.ts";

/** Characters that make up words: Han characters, Latin letters, digits. */
function isWordCode(code: number): boolean {
  // Han first: most of a page
  return isHanCode(code) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Above every code point: the key of a pair of rare characters (see `pairKey`). */
const BASE = 0x110000;
/** Characters numbered below this make a pair key that V8 keeps as a small integer (below 2^30). */
const SMALL = 0x8000;

/**
 * A bigram's key from its characters' numbers: negative, so apart from single characters' keys
 * (their numbers). Small integers hash and store without allocating, so the numbers of a page's
 * first `SMALL` characters pack into a small key; others take keys past 2^30.
 */
function pairKey(first: number, second: number): number {
  return first < SMALL && second < SMALL ? -(1 + first * SMALL + second) : -(1 + SMALL * SMALL + first * BASE + second);
}

/** A text's distinct grams by number, in order of first use, with their counts; `serial` tells texts apart (of all tables). */
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

/** A power of two above twice `capacity`: room for that many grams with half the slots free. */
function slotsFor(capacity: number): number {
  let slots = 16;
  while (slots < 2 * capacity) slots *= 2;
  return slots;
}

/** A key's first slot: a multiplicative hash of its low 32 bits (a key is an integer, see `pairKey`). */
function slotOf(key: number, mask: number): number {
  const mixed = Math.imul(key | 0, 0x9e3779b1);
  return (mixed ^ (mixed >>> 16)) & mask;
}

/** Character numbers: ASCII keeps its code, common Han characters (U+4E00–U+9FFF) follow it… */
const HAN_NUMBERS = 0x80;
const COMMON_HAN = [0x4e00, 0x9fff] as const;
/** …and the page's rarer characters are numbered from here on, in order of first sight. */
const RARE_NUMBERS = HAN_NUMBERS + COMMON_HAN[1] - COMMON_HAN[0] + 1;

/**
 * While a text is counted: the serial of the text that last saw each gram number, and its place
 * there. Serials are unique across tables, so all tables share these: one pair of arrays for the
 * process, not one per page.
 */
const counting = {
  // one object (its fields read through locals), not module-level lets: those are reloaded and hole-checked at every use
  seenBy: new Int32Array(1024) as Int32Array,
  place: new Int32Array(1024) as Int32Array,
  serials: 0,
  /** The text being counted: its distinct grams so far, and their numbers and counts (scratch, as above). */
  distinct: 0,
  ids: [] as number[],
  counts: [] as number[],
};

/**
 * The slots of the table that numbers grams now: gram numbers by key, open addressing, a slot counting
 * as taken only where `stamps` holds that table's stamp. One pair for the process, like `counting`: no
 * table allocates or clears slots of its own per page; a table used again after another one took the
 * slots places its grams again (see `claim`).
 */
const slotting = {
  slots: new Int32Array(1024) as Int32Array,
  stamps: new Int32Array(1024) as Int32Array,
  /** The stamp of the table that holds the slots (-1: none; a table's stamp is 0 until it claims them). */
  holder: -1,
};

/**
 * Numbers the grams of one page's texts densely from 0, in order of first sight, by their key.
 * Characters get numbers below `SMALL` (so that bigram keys stay small integers): the common ones
 * by arithmetic, the rare ones by a map. Nothing else is looked up per character of a page.
 */
export class GramTable {
  /** Made at the first rare character: many pages have none, and a `Map` per page is no small allocation. */
  private rareNumbers: Map<number, number> | undefined;
  /** Each rare character's code (by its number less `RARE_NUMBERS`), and each gram's key by its number: to name grams. */
  private readonly rareCodes: number[] = [];
  private readonly keys: number[];
  /** How many grams are numbered (`keys` is made at the expected size: grown push by push, it was copied some ten times a page). */
  private numbered = 0;
  /** Its gram numbers by key are in `slotting` (a `Map` lookup per character was most of the cost): how many
   *  slots it uses (less one), and its stamp there (0: none yet; a new one at each growth). */
  private mask: number;
  private stamp = 0;

  /** `capacity`: about how many grams to expect (each growth places them all again). */
  constructor(capacity = 64) {
    this.mask = slotsFor(capacity) - 1;
    this.keys = new Array<number>(capacity);
  }

  /** How many grams are numbered so far. */
  get size(): number {
    return this.numbered;
  }

  private numberOf(code: number): number {
    if (code < HAN_NUMBERS) return code;
    if (code >= COMMON_HAN[0] && code <= COMMON_HAN[1]) return code - COMMON_HAN[0] + HAN_NUMBERS;
    this.rareNumbers ??= new Map();
    let found = this.rareNumbers.get(code);
    if (found === undefined) {
      this.rareNumbers.set(code, (found = RARE_NUMBERS + this.rareCodes.length));
      this.rareCodes.push(code);
    }
    return found;
  }

  private codeOf(number: number): number {
    if (number < HAN_NUMBERS) return number;
    return number < RARE_NUMBERS ? number - HAN_NUMBERS + COMMON_HAN[0] : this.rareCodes[number - RARE_NUMBERS]!;
  }

  /** A gram's text: `学` or `政协`. */
  text(id: number): string {
    const key = this.keys[id]!;
    if (key >= 0) return String.fromCodePoint(this.codeOf(key));
    const pair = -key - 1;
    const [first, second] = pair < SMALL * SMALL ? [Math.floor(pair / SMALL), pair % SMALL] : [Math.floor((pair - SMALL * SMALL) / BASE), (pair - SMALL * SMALL) % BASE];
    return String.fromCodePoint(this.codeOf(first), this.codeOf(second));
  }

  /**
   * Bigrams, and with `characters` single characters too, within runs of Han characters, letters
   * and digits, with their counts. One loop, no callbacks: it runs over every text of every page.
   */
  gramsOf(text: string, characters: boolean): TextGrams {
    return this.scan(text, characters, -1);
  }

  /** `gramsOf` the text and of its first `prefix` code units (as of `text.slice(0, prefix)`), from one scan. */
  gramsWithPrefix(text: string, characters: boolean, prefix: number): [whole: TextGrams, prefix: TextGrams] {
    const whole = this.scan(text, characters, prefix);
    return [whole, this.prefixGrams!];
  }

  /** The grams of the first code units of the text last scanned with a prefix (see `scan`). */
  private prefixGrams: TextGrams | undefined;

  private scan(text: string, characters: boolean, prefix: number): TextGrams {
    const serial = ++counting.serials;
    counting.distinct = 0;
    this.prefixGrams = undefined;
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      // the prefix's grams are the ones counted before a character reaches past its end (one it cuts in two is no character of it)
      if (prefix >= 0 && !this.prefixGrams && i + (code > 0xffff ? 2 : 1) > prefix) this.prefixGrams = this.counted(++counting.serials);
      if (code > 0xffff) i++;
      if (!isWordCode(code)) {
        previous = -1;
        continue;
      }
      const current = this.numberOf(code);
      if (characters) this.count(serial, current);
      if (previous >= 0) this.count(serial, pairKey(previous, current));
      previous = current;
    }
    if (prefix >= 0 && !this.prefixGrams) this.prefixGrams = this.counted(++counting.serials);
    return this.counted(serial);
  }

  /** The grams counted so far, under `serial`: copied out at their size (arrays grown gram by gram left most of a page's garbage). */
  private counted(serial: number): TextGrams {
    // (its mass made a field from the start: added later, it changed the object's shape and grew its storage)
    return { serial, ids: counting.ids.slice(0, counting.distinct), counts: counting.counts.slice(0, counting.distinct), mass: undefined };
  }

  /** The number of the gram with this key, numbering it if it is new. Kept small (the numbering apart, in `add`) so
   *  that the compiler inlines it where grams are counted, once per character: with the numbering in it, its
   *  bytecode ran past the inlining limit and every gram cost a call. */
  private numberOfKey(key: number): number {
    if (slotting.holder !== this.stamp) this.claim();
    const slots = slotting.slots;
    const stamps = slotting.stamps;
    let slot = slotOf(key, this.mask);
    for (; stamps[slot] === this.stamp; slot = (slot + 1) & this.mask) {
      if (this.keys[slots[slot]!] === key) return slots[slot]!;
    }
    return this.add(key, slot);
  }

  /** Number a new gram, placed in the free `slot` its lookup ended on. */
  private add(key: number, slot: number): number {
    const id = this.numbered++;
    this.keys[id] = key;
    slotting.slots[slot] = id;
    slotting.stamps[slot] = this.stamp;
    if (2 * this.numbered > this.mask) {
      // twice the slots, every gram placed again: keeps at least half of them free
      this.mask = 2 * this.mask + 1;
      this.claim();
    }
    if (id >= counting.seenBy.length) {
      counting.seenBy = grow(counting.seenBy, 2 * id + 1);
      counting.place = grow(counting.place, 2 * id + 1);
    }
    return id;
  }

  /** Take the process's slots under a new stamp (every slot free for it) and place the grams numbered so far. */
  private claim(): void {
    this.stamp = slotting.holder = ++counting.serials;
    if (slotting.slots.length <= this.mask) [slotting.slots, slotting.stamps] = [new Int32Array(this.mask + 1), new Int32Array(this.mask + 1)];
    const { slots, stamps } = slotting;
    // the grams numbered so far, not the whole of `keys` (made at its expected size: a page's first claim has none)
    for (let id = 0; id < this.numbered; id++) {
      let slot = slotOf(this.keys[id]!, this.mask);
      while (stamps[slot] === this.stamp) slot = (slot + 1) & this.mask;
      slots[slot] = id;
      stamps[slot] = this.stamp;
    }
  }

  private count(serial: number, key: number): void {
    const id = this.numberOfKey(key);
    const { seenBy, place, counts } = counting;
    if (seenBy[id] === serial) counts[place[id]!]!++;
    else {
      seenBy[id] = serial;
      place[id] = counting.distinct;
      counting.ids[counting.distinct] = id;
      counts[counting.distinct++] = 1;
    }
  }
}
