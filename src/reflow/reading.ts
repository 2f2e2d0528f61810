// The page model's best reading, turned into owners and cluster readings, with every page-level
// decision recorded with the margin by which it beat its best rival.
import type { ClusterReading, Decision, PageItem, ReflowState, Unit } from "../types.ts";
import { PageModel } from "./model.ts";
import { H, O, T, TM, beforeOf, headOf, isA, isB } from "./states.ts";
import { type Decoded, confidenceOf, decode, marginAt } from "./viterbi.ts";

type Owner = [cluster: number, head: number] | undefined;

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

// Signal: the whole page at once: head shapes, each story's side of its head with a cost for
// switching, shared words, datelines and closing notes (see `PageModel`); the best reading wins.
export function read(state: ReflowState): void {
  const items = state.items;
  const model = new PageModel(items);
  const decoded = decode(model);
  const clusters = new Map<number, ClusterReading>();
  const owners: Owner[] = new Array(items.length).fill(undefined);
  if (!decoded) {
    // no reading fits (it always should): every head a title, text with the head before it
    items.forEach((item, t) => item.kind === "cluster" && clusters.set(t, { kind: "titles", before: 0 }));
    state.reading = { clusters, owners };
    return;
  }
  const { path } = decoded;
  // A states belong to the last title cluster before, B states to the next one after
  let lastTitle = -1;
  path.forEach((s, t) => {
    if (s >= T(0) && s < H(0)) {
      clusters.set(t, { kind: "titles", before: beforeOf(s), merged: s >= TM(0) });
      lastTitle = t;
    } else if (s >= H(0)) clusters.set(t, { kind: "heading" });
    const x = s >= H(0) ? s - H(0) : s;
    if (isA(x)) owners[t] = [lastTitle, headOf(x)];
  });
  let nextTitle = -1;
  for (let t = path.length - 1; t >= 0; t--) {
    const s = path[t]!;
    if (s >= T(0) && s < H(0)) nextTitle = t;
    const x = s >= H(0) ? s - H(0) : s;
    if (isB(x)) owners[t] = [nextTitle, headOf(x)];
  }
  state.reading = { clusters, owners };
  state.decisions.push(...decisionsOf(items, decoded, clusters, model.headTexts));
}

/** Record a decision with its margin. (A module function, not a closure per page: under tsx each named closure made costs a `defineProperty`.) */
function record(decisions: Decision[], unit: Unit, margin: number, message: string, context: string): void {
  decisions.push({ pass: "read", line: unit.firstLine, confidence: confidenceOf(margin), message: `${message} (margin ${Number.isFinite(margin) ? margin.toFixed(2) : "∞"})`, context });
}

/** The decisions of the reading; `headTexts`: each cluster's heads' texts, as the page model has them. */
function decisionsOf(items: readonly PageItem[], decoded: Decoded, clusters: Map<number, ClusterReading>, headTexts: readonly (readonly string[])[]): Decision[] {
  const decisions: Decision[] = [];
  items.forEach((item, t) => {
    const s = decoded.path[t]!;
    if (item.kind === "cluster") {
      const head = item.cluster.heads[0]!;
      const text = headTexts[t]![0]!;
      const first = head.kicker ?? head.titles[0] ?? head.byline!;
      const reading = clusters.get(t)!;
      if (!item.cluster.anchored) {
        const heading = reading.kind === "heading";
        const margin = marginAt(decoded, t, (rival) => (heading ? rival < H(0) : rival >= H(0)));
        record(decisions, first, margin, heading ? `“${excerpt(text)}” read as a section heading, not a story's title` : `“${excerpt(text)}” read as a story's title, not a section heading`, text);
      }
      if (item.cluster.merged && reading.kind === "titles") {
        const merged = reading.merged === true;
        const margin = marginAt(decoded, t, (rival) => rival >= T(0) && rival < H(0) && (rival >= TM(0)) !== merged);
        const where = item.cluster.heads[1]?.titles[0]?.firstLine === first.firstLine ? `line ${first.firstLine}` : `lines ${first.firstLine}–${first.firstLine + 1}`;
        record(decisions, first, margin, merged ? `${where} read as one title` : `${where} read as the titles of two stories`, text);
      }
      if (reading.kind === "titles") {
        const margin = marginAt(decoded, t, (rival) => rival >= T(0) && rival < H(0) && rival !== s);
        const r = item.cluster.heads.length;
        const side = reading.before === 0 ? "its text after it" : reading.before === r ? "its text before it" : `the text before it for its first ${reading.before} head(s), after it for the rest`;
        record(decisions, first, margin, `head${r > 1 ? "s" : ""} on line ${first.firstLine} take${r > 1 ? "" : "s"} ${side}`, text);
      }
      return;
    }
    const previous = items[t - 1];
    const p = decoded.path[t - 1];
    if (previous?.kind !== "unit" || p === undefined || p === s) return;
    // a story break inside a run of column text: which head this text goes to
    const margin = marginAt(decoded, t, (rival) => rival === p);
    const to = s === O ? "no head" : isB(s) ? "the head after it" : "the next head of the cluster before it";
    record(decisions, item.unit, margin, `story break before line ${item.unit.firstLine}: the text goes to ${to}`, `${excerpt(previous.unit.text)} ⏎ ${excerpt(item.unit.text)}`);
  });
  return decisions;
}
