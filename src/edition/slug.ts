import { createHash } from "node:crypto";

/**
 * A URL-safe slug from a source's file name: ASCII letters, digits, `_` and `-` kept, anything else folded
 * to `-`; names with nothing ASCII to keep get a short hash of the name, so URLs stay stable.
 */
export function slugFor(baseName: string): string {
  const ascii = baseName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  const hash = createHash("sha256").update(baseName).digest("hex").slice(0, 8);
  return ascii === "" ? hash : ascii === baseName.toLowerCase() ? ascii : `${ascii}-${hash}`;
}

/** Make slugs unique in a digest, deterministically: later duplicates get a numeric suffix. */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return slugs.map((slug) => {
    const count = (seen.get(slug) ?? 0) + 1;
    seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  });
}
