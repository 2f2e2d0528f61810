import { createHash } from "node:crypto";

/** Long file names make long URLs; the hash keeps shortened slugs distinct. */
const MAX_READABLE_LENGTH = 60;

/** A short, stable fingerprint of a file name (8 hex digits). */
const fingerprint = (name: string) => createHash("sha256").update(name).digest("hex").slice(0, 8);

/**
 * A URL-safe slug from a source's file name (without `.txt`): ASCII letters and digits (full-width
 * ones folded to ASCII, accents dropped), `_` and `-`; every other run of characters, including
 * spaces, dots and `..`, becomes one `-`. A name that does not survive unchanged gets a hash of
 * itself appended, so `第4版 机关.txt` and `第5版 机关.txt` stay apart and keep their URLs.
 */
export function slugFor(stem: string): string {
  const readable = stem
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/gu, "-")
    .replace(/-{2,}/gu, "-")
    .slice(0, MAX_READABLE_LENGTH)
    .replace(/^[-_]+|[-_]+$/gu, "");
  if (readable === "") return fingerprint(stem);
  return readable === stem.toLowerCase() ? readable : `${readable}-${fingerprint(stem)}`;
}

/**
 * Slugs for the sources of one digest, unique and deterministic. When names fold to the same slug
 * (`Page.txt` and `page.txt`), the name that equals its slug, or else the first in code-point order,
 * keeps it; the others get their own hash appended, which does not depend on what other files exist.
 */
export function assignSlugs(stems: readonly string[]): string[] {
  const order = stems.map((_, i) => i).sort((a, b) => compare(stems[a]!, stems[b]!));
  const plain = stems.map(slugFor);
  const owner = new Map<string, number>();
  for (const i of order) {
    const current = owner.get(plain[i]!);
    if (current === undefined || (stems[i] === plain[i] && stems[current] !== plain[current])) owner.set(plain[i]!, i);
  }
  const slugs = stems.map((stem, i) => (owner.get(plain[i]!) === i ? plain[i]! : `${plain[i]}-${fingerprint(stem)}`));
  // two different names with the same hash, or a name that spells another's hashed slug: count them apart
  const taken = new Set<string>();
  for (const i of order) {
    let slug = slugs[i]!;
    for (let n = 2; taken.has(slug); n++) slug = `${slugs[i]}-${n}`;
    slugs[i] = slug;
    taken.add(slug);
  }
  return slugs;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
