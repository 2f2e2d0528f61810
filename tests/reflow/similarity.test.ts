import { describe, expect, it } from "vitest";
import { GramTable } from "../../src/reflow/grams.ts";
import { Affinity, opening, orders, segment } from "../../src/reflow/similarity.ts";

describe("grams", () => {
  it("counts bigrams within runs of words, and single characters on request", () => {
    const table = new GramTable();
    const named = ({ ids, counts }: { ids: number[]; counts: number[] }) => ids.map((id, k) => [table.text(id), counts[k]]);
    expect(named(table.gramsOf("政协机关，政协", false))).toEqual([["政协", 2], ["协机", 1], ["机关", 1]]);
    expect(named(table.gramsOf("学习型", true))).toEqual([["学", 1], ["习", 1], ["学习", 1], ["型", 1], ["习型", 1]]);
  });
  it("numbers the bigrams of a page with more distinct characters than small keys hold", () => {
    const characters = [...Array(40000)].map((_, i) => String.fromCodePoint(i < 20000 ? 0x4e00 + i : 0x20000 + i));
    const table = new GramTable();
    const { ids, counts } = table.gramsOf(characters.join("") + characters.slice(-2).join(""), false);
    expect(ids.length).toBe(40000); // and the bigram where the repeat joins on
    expect(table.text(ids[39998]!)).toBe(characters.slice(-2).join(""));
    expect(counts[39998]).toBe(2);
    expect(new Set(ids).size).toBe(40000);
  });
  it("keeps each table's numbers when tables take turns (they share the process's slots)", () => {
    const [first, second] = [new GramTable(), new GramTable()];
    const a = first.gramsOf("政协机关", false);
    second.gramsOf("机关政协学习", false); // takes the slots, numbering its own grams from 0
    expect(first.gramsOf("机关政协", false).ids).toEqual([a.ids[2], first.size - 1, a.ids[0]]); // 机关 and 政协 known, 关政 new
    expect(first.size).toBe(4);
  });
  it("counts a prefix's grams in the text's scan as a scan of the prefix would (a character cut in two is none of it)", () => {
    const table = new GramTable();
    const named = ({ ids, counts }: { ids: number[]; counts: number[] }) => ids.map((id, k) => [table.text(id), counts[k]]);
    for (const text of ["政协机关，政协机关学习", "学习𠀀型机关", "ab12，政协"]) {
      for (let prefix = 0; prefix <= text.length + 1; prefix++) {
        for (const characters of [false, true]) {
          const [whole, head] = table.gramsWithPrefix(text, characters, prefix);
          expect(named(head)).toEqual(named(table.gramsOf(text.slice(0, prefix), characters)));
          expect(named(whole)).toEqual(named(table.gramsOf(text, characters)));
        }
      }
    }
  });
  it("cuts a paragraph's opening at its first stop or at 24 characters", () => {
    expect(opening("坚持科学干事，着力打造政治型机关。始终把对党绝对忠诚摆在首位。")).toBe("坚持科学干事，着力打造政治型机关。");
    expect([...opening("近年来".repeat(20))].length).toBe(24);
  });
});

describe("Affinity", () => {
  const texts = ["近年来，石嘴山市政协机关坚持干事创业。", "吴忠市认真贯彻从严要求。", "政协机关是服务政协履职的办事机构。"];
  const affinity = new Affinity(texts);
  it("scores rare shared words above common ones", () => {
    expect(affinity.score("石嘴山市政协秘书长", texts[0]!)).toBeGreaterThan(affinity.score("吴忠市政协办公室主任", texts[0]!));
  });
  it("turns scores into each item's preferences between labels", () => {
    const { scores } = affinity.preferences(texts.slice(0, 2), ["石嘴山市政协秘书长", "吴忠市政协办公室主任"]);
    expect(scores[0]![0]).toBeGreaterThan(scores[0]![1]!);
    expect(scores[1]![1]).toBeGreaterThan(scores[1]![0]!);
    scores.forEach((row) => expect(row[0]! + row[1]!).toBeCloseTo(0));
  });
});

describe("segment", () => {
  it("splits items into contiguous segments that maximise their labels' scores", () => {
    const scores = [[2, -2], [1, -1], [-1, 1], [-2, 2]];
    expect(segment(scores)!.starts).toEqual([0, 2]);
  });
  it("keeps an item marked as an end (an author's note) last in its segment", () => {
    const scores = [[2, -2], [-1, 1], [-1, 1], [-2, 2]];
    expect(segment(scores, { mustEnd: [false, true, false, false] })!.starts).toEqual([0, 2]);
  });
  it("weighs a bonus for starting a segment at an item", () => {
    expect(segment([[1, -1], [0.5, -0.5], [-1, 1]], { startBonus: [0, 2, 0] })!.starts).toEqual([0, 1]);
  });
  it("allows an empty first segment when asked", () => {
    expect(segment([[0, 1], [0, 1]], { optionalFirst: true })!.starts).toEqual([0, 0]);
    expect(segment([[0, 1]])).toBeUndefined();
  });
  it("lists the orders of labels, the given one first", () => {
    expect(orders(3)).toHaveLength(6);
    expect(orders(3)[0]).toEqual([0, 1, 2]);
    expect(orders(7)).toEqual([[0, 1, 2, 3, 4, 5, 6]]);
  });
});
