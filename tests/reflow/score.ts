// A faithful port of ../shared/tools/score.py: the same fields, the same `score` and `exact`, so the
// bench and tests judge a reflowed page exactly as the Python tool does (checked against it in score.test.ts).
// Plus `pageDiff`, which names the first fields and blocks that differ, for debugging a page.

/** Python's `\s` for str (str.isspace): JavaScript's `\s` differs (it has U+FEFF, lacks U+001C–U+001F and U+0085). */
const WS = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

export interface ScoredBlock {
  type?: string;
  text?: string;
}

/** A story as the scorer reads it: the edition's Story, or anything shaped like it (gold JSON). */
export interface ScoredStory {
  kicker?: string;
  title?: string;
  subtitle?: string;
  byline?: string;
  authorNote?: string;
  authors?: string[];
  blocks?: ScoredBlock[];
  sections?: (ScoredStory & { heading?: string })[];
}

export interface ScoredEdition {
  stories?: ScoredStory[];
  credits?: string[];
}

type Ratio = [number, number];

export interface Score {
  lost: number;
  added: number;
  stories_gold: number;
  stories_out: number;
  stories_matched: number;
  title: Ratio;
  kicker: Ratio;
  subtitle: Ratio;
  byline: Ratio;
  authorNote: Ratio;
  authors: Ratio;
  blocks_gold: number;
  blocks_out: number;
  blocks_exact: number;
  block_f1: number;
  placed: Ratio;
  typed: Ratio;
  story_order: Ratio;
  heading_order: Ratio;
  credits: Ratio;
  exact: number;
  score: number;
}

const FIELDS = ["kicker", "title", "subtitle", "byline", "authorNote"] as const;

export function norm(text: string | undefined | null): string {
  return (text ?? "").replace(WS, "");
}

function storyFields(story: ScoredStory): string[] {
  const out: string[] = [];
  for (const key of FIELDS) if (story[key]) out.push(story[key]!);
  for (const block of story.blocks ?? []) out.push(block.text ?? "");
  for (const sub of story.sections ?? []) {
    if (sub.heading) out.push(sub.heading);
    out.push(...storyFields(sub));
  }
  return out;
}

/** Blocks in order as [type, normalized text]; nested sections become heading + blocks. */
function flatBlocks(story: ScoredStory): [string, string][] {
  const out: [string, string][] = [];
  for (const block of story.blocks ?? []) out.push([block.type ?? "paragraph", norm(block.text)]);
  for (const sub of story.sections ?? []) {
    const heading = sub.heading || sub.title;
    if (heading) out.push(["heading", norm(heading)]);
    out.push(...flatBlocks(sub));
  }
  return out;
}

type Counter = Map<string, number>;

function count(items: Iterable<string>, into: Counter = new Map()): Counter {
  for (const item of items) into.set(item, (into.get(item) ?? 0) + 1);
  return into;
}
const total = (counter: Counter) => [...counter.values()].reduce((sum, n) => sum + n, 0);
/** Python's `a - b` on Counters: positive differences only. */
const subtractTotal = (a: Counter, b: Counter) => [...a].reduce((sum, [key, n]) => sum + Math.max(0, n - (b.get(key) ?? 0)), 0);
/** Python's `sum((a & b).values())`. */
const intersectTotal = (a: Counter, b: Counter) => [...a].reduce((sum, [key, n]) => sum + Math.min(n, b.get(key) ?? 0), 0);

function bigrams(text: string): Counter {
  const chars = [...text];
  const counter: Counter = new Map();
  for (let i = 0; i < chars.length - 1; i++) count([chars[i]! + chars[i + 1]!], counter);
  return counter;
}

function overlap(a: Counter, b: Counter): number {
  if (a.size === 0 || b.size === 0) return 0;
  return intersectTotal(a, b) / Math.max(1, Math.min(total(a), total(b)));
}

const frac = ([ok, n]: Ratio) => (n ? ok / n : 1);
/**
 * Python's round(x, 4): toFixed rounds the exact binary value too, but takes the larger neighbour on a tie
 * where Python takes the even one. A tie is a dyadic odd multiple of 1/20000 (0.53125 = 10625/20000).
 */
export function round4(x: number): number {
  const halves = x * 20000;
  if (Number.isInteger(halves) && halves % 2 === 1 && halves % 625 === 0 && halves / 20000 === x) {
    const below = (halves - 1) / 2;
    return (below % 2 === 0 ? below : below + 1) / 10000;
  }
  return Number(x.toFixed(4));
}

/** Match gold stories to output stories by body overlap, greedily on the best pairs (ties as Python sorts tuples). */
function matchStories(gold: ScoredStory[], out: ScoredStory[]): Map<number, number> {
  const goldBodies = gold.map((story) => bigrams(flatBlocks(story).map(([, text]) => text).join("")));
  const outBodies = out.map((story) => bigrams(flatBlocks(story).map(([, text]) => text).join("")));
  const pairs: [number, number, number][] = [];
  goldBodies.forEach((g, i) => outBodies.forEach((o, j) => pairs.push([overlap(g, o), i, j])));
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const match = new Map<number, number>();
  const used = new Set<number>();
  for (const [sc, i, j] of pairs) {
    if (sc < 0.5 || match.has(i) || used.has(j)) continue;
    match.set(i, j);
    used.add(j);
  }
  return match;
}

export function score(gold: ScoredEdition, out: ScoredEdition, sourceText: string): Score {
  const gs = gold.stories ?? [];
  const os = out.stories ?? [];
  // 1. conservation: every non-whitespace character of the source, exactly once
  const outChars: Counter = new Map();
  for (const story of os) for (const text of storyFields(story)) count(norm(text), outChars);
  for (const credit of out.credits ?? []) count(norm(credit), outChars);
  const sourceChars = count(norm(sourceText));
  const lost = subtractTotal(sourceChars, outChars);
  const added = subtractTotal(outChars, sourceChars);

  // 2. stories matched by body overlap
  const match = matchStories(gs, os);
  const fieldAccuracy = (value: (story: ScoredStory) => string): Ratio => {
    let n = 0;
    let ok = 0;
    gs.forEach((story, i) => {
      const g = value(story);
      const o = match.has(i) ? value(os[match.get(i)!]!) : null;
      if (!g && (o === null || o === "")) return;
      n++;
      if (o === g) ok++;
    });
    return [ok, n];
  };
  const [kicker, title, subtitle, byline, authorNote] = FIELDS.map((key) => fieldAccuracy((story) => norm(story[key]))) as [Ratio, Ratio, Ratio, Ratio, Ratio];
  const authors = fieldAccuracy((story) => (story.authors ?? []).map(norm).sort(codePointOrder).join("\u0000"));

  // 3. blocks: exact-text F1 over the page, type agreement, placement in the right story
  const gb = gs.flatMap((story, i) => flatBlocks(story).map(([type, text]) => [i, type, text] as const));
  const ob = os.flatMap((story, j) => flatBlocks(story).map(([type, text]) => [j, type, text] as const));
  const tp = intersectTotal(count(gb.map(([, , text]) => text)), count(ob.map(([, , text]) => text)));
  const p = ob.length ? tp / ob.length : 0;
  const r = gb.length ? tp / gb.length : 0;
  const blockF1 = p + r ? (2 * p * r) / (p + r) : 0;
  const where = new Map<string, [number, string][]>();
  for (const [j, type, text] of ob) where.set(text, [...(where.get(text) ?? []), [j, type]]);
  let placed = 0;
  let typed = 0;
  for (const [i, type, text] of gb) {
    const places = where.get(text);
    if (!places) continue;
    if (match.has(i) && places.some(([j]) => j === match.get(i))) placed++;
    if (places.some(([, t]) => t === type)) typed++;
  }

  // 4. order: stories in gold order, headings in gold order within each story
  const seq = gs.flatMap((_, i) => (match.has(i) ? [match.get(i)!] : []));
  const storyOrder: Ratio = [seq.filter((a, k) => k + 1 < seq.length && a < seq[k + 1]!).length, Math.max(0, seq.length - 1)];
  let headingsOk = 0;
  let headingsN = 0;
  gs.forEach((story, i) => {
    const goldHeadings = flatBlocks(story).flatMap(([type, text]) => (type === "heading" ? [text] : []));
    if (!match.has(i) || goldHeadings.length < 2) return;
    const outHeadings = flatBlocks(os[match.get(i)!]!).flatMap(([type, text]) => (type === "heading" ? [text] : []));
    const positions = goldHeadings.filter((h) => outHeadings.includes(h)).map((h) => outHeadings.indexOf(h));
    headingsN += goldHeadings.length - 1;
    headingsOk += positions.filter((a, k) => k + 1 < positions.length && a < positions[k + 1]!).length;
  });
  const sortedCredits = (edition: ScoredEdition) => (edition.credits ?? []).map(norm).sort(codePointOrder).join("\u0000");
  const credits: Ratio = [Number(sortedCredits(gold) === sortedCredits(out)), 1];

  // 5. exact: every story, field, block (type, text, order) and credit as in the gold
  let exact = gs.length === os.length && os.length === match.size && credits[0] === 1 && seq.every((j, k) => k === 0 || seq[k - 1]! <= j);
  for (let i = 0; i < gs.length && exact; i++) {
    const g = gs[i]!;
    const o = os[match.get(i)!]!;
    exact = FIELDS.every((key) => norm(g[key]) === norm(o[key])) && sameBlocks(flatBlocks(g), flatBlocks(o));
  }

  const parts = [frac(title), frac(byline), blockF1, frac([placed, gb.length])];
  const mean = parts.reduce((sum, x) => sum + x, 0) / parts.length;
  return {
    lost,
    added,
    stories_gold: gs.length,
    stories_out: os.length,
    stories_matched: match.size,
    title,
    kicker,
    subtitle,
    byline,
    authorNote,
    authors,
    blocks_gold: gb.length,
    blocks_out: ob.length,
    blocks_exact: tp,
    block_f1: blockF1,
    placed: [placed, gb.length],
    typed: [typed, tp],
    story_order: storyOrder,
    heading_order: [headingsOk, headingsN],
    credits,
    exact: Number(exact),
    score: round4(mean * (lost === 0 && added === 0 ? 1 : 0.5)),
  };
}

/** Python sorts strings by code point; JavaScript's default sort compares UTF-16 units. */
function codePointOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let k = 0; k < Math.min(x.length, y.length); k++) {
    const d = x[k]!.codePointAt(0)! - y[k]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

function sameBlocks(a: [string, string][], b: [string, string][]): boolean {
  return a.length === b.length && a.every(([type, text], k) => type === b[k]![0] && text === b[k]![1]);
}

/** The figures on one line, as score.py prints them. */
export function formatScore(res: Score): string {
  const keys = ["score", "exact", "lost", "added", "stories_gold", "stories_out", "stories_matched", "title", "kicker", "subtitle", "byline", "authors", "authorNote", "block_f1", "blocks_gold", "blocks_out", "blocks_exact", "placed", "typed", "story_order", "heading_order", "credits"] as const;
  const show = (v: unknown) => (Array.isArray(v) ? `${v[0]}/${v[1]}` : typeof v === "number" && !Number.isInteger(v) ? v.toFixed(3) : String(v));
  return keys.map((key) => `${key}=${show(res[key])}`).join(" ");
}

const clip = (text: string, n = 24) => ([...text].length > n ? `${[...text].slice(0, n).join("")}…` : text);

/**
 * What differs between the gold and the output, story by story, for a human reading a failed page:
 * missing or extra stories, each differing field, and the first block where the sequences part.
 */
export function pageDiff(gold: ScoredEdition, out: ScoredEdition, limit = 12): string[] {
  const gs = gold.stories ?? [];
  const os = out.stories ?? [];
  const match = matchStories(gs, os);
  const lines: string[] = [];
  gs.forEach((g, i) => {
    const name = `gold story ${i + 1} «${clip(norm(g.title), 16)}»`;
    if (!match.has(i)) return lines.push(`${name}: no output story has its body`);
    const j = match.get(i)!;
    const o = os[j]!;
    if (j !== i) lines.push(`${name}: is output story ${j + 1}`);
    for (const key of FIELDS) {
      if (norm(g[key]) !== norm(o[key])) lines.push(`${name}: ${key} gold «${clip(norm(g[key]))}» out «${clip(norm(o[key]))}»`);
    }
    const gb = flatBlocks(g);
    const ob = flatBlocks(o);
    const k = gb.findIndex(([type, text], n) => type !== ob[n]?.[0] || text !== ob[n]?.[1]);
    if (k >= 0) lines.push(`${name}: block ${k + 1}/${gb.length} gold ${gb[k]![0]} «${clip(gb[k]![1])}» out ${ob[k] ? `${ob[k]![0]} «${clip(ob[k]![1])}»` : "nothing"}`);
    else if (ob.length > gb.length) lines.push(`${name}: ${ob.length - gb.length} extra block(s) after the gold's, from «${clip(ob[gb.length]![1])}»`);
  });
  const matched = new Set(match.values());
  os.forEach((o, j) => {
    if (!matched.has(j)) lines.push(`output story ${j + 1} «${clip(norm(o.title), 16)}»: matches no gold story (${flatBlocks(o).length} blocks)`);
  });
  const credits = (e: ScoredEdition) => (e.credits ?? []).map(norm).sort(codePointOrder);
  const gc = credits(gold);
  const oc = credits(out);
  for (const c of gc) if (!oc.includes(c)) lines.push(`credit missing: «${clip(c, 30)}»`);
  for (const c of oc) if (!gc.includes(c)) lines.push(`credit extra: «${clip(c, 30)}»`);
  return lines.length > limit ? [...lines.slice(0, limit), `… ${lines.length - limit} more`] : lines;
}
