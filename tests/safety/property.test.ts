// Properties over random input: random bytes never make the loader throw anything but a clear
// SourceError; random typeset pages (tests/reflow/arbitrary.ts) never lose or gain a character
// under any sequence of editors' corrections (the reflow alone: tests/reflow/conservation.test.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCharacters, editionText } from "../../src/edition/conservation.ts";
import { type Correction, applyCorrections } from "../../src/edition/corrections.ts";
import { decodeText } from "../../src/edition/decode.ts";
import { SourceError } from "../../src/edition/errors.ts";
import { loadEdition } from "../../src/edition/load.ts";
import { reflow } from "../../src/reflow/index.ts";
import type { Edition } from "../../src/types.ts";
import { arbitraryPage } from "../reflow/arbitrary.ts";
import { typeset } from "../reflow/typeset.ts";
import { encodeGb18030, sampleMeta } from "../edition/fixtures.ts";

/** Messages that mean Broadsheet itself failed, which no input may cause. */
const BUG = /a bug in Broadsheet/u;

const HAN = [..."政协机关建设工作发展人民委员会议服务学习制度创新推进加强提升履职能力队伍思想理论实践统筹协调规范管理凝心聚力"];
const EXTRA = [..."“”《》（）0123456789ABCxyz<>&\"'·—"];
const phrase = (min: number, max: number) => fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...HAN) }, { weight: 1, arbitrary: fc.constantFrom(...EXTRA) }), { minLength: min, maxLength: max }).map((chars) => chars.join(""));
const sentence = fc.array(phrase(2, 12), { minLength: 1, maxLength: 4 }).chain((clauses) => fc.constantFrom("。", "！", "？", "：").map((stop) => clauses.join("，") + stop));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(""));

const page = arbitraryPage;

/** An instruction to build one correction from whatever the edition holds at that moment. */
interface Instruction {
  op: Correction["op"];
  /** Which of the edition's texts the phrase comes from, where it starts, how long it is. */
  text: number;
  start: number;
  length: number;
  /** Which story a head line goes to (its own when undefined). */
  story: number | undefined;
}

const instruction: fc.Arbitrary<Instruction> = fc.record({
  op: fc.constantFrom<Correction["op"]>("join", "split", "new-story", "merge", "title", "kicker", "subtitle", "byline", "note", "subheading", "caption", "paragraph", "credit"),
  text: fc.nat(),
  story: fc.option(fc.nat(), { nil: undefined }),
  start: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
});

function correctionFrom(edition: Edition, { op, text, story, start, length }: Instruction): Correction | undefined {
  const texts = editionText(edition).filter((candidate) => candidate.trim() !== "");
  const chosen = texts[text % Math.max(1, texts.length)];
  if (!chosen) return undefined;
  const at = start % chosen.length;
  const words = op === "join" ? chosen.slice(Math.max(0, chosen.length - length)) : chosen.slice(at, at + length);
  const target = story === undefined ? undefined : edition.stories[story % edition.stories.length]?.title.slice(0, 6);
  if (op === "join") return { op, after: words };
  if (op === "split") return { op, before: words };
  if (op === "merge") return { op, story: words };
  if (op === "title" || op === "kicker" || op === "subtitle" || op === "byline" || op === "note") return target ? { op, text: words, story: target } : { op, text: words };
  return { op, text: words };
}

const asEdition = (result: { stories: Edition["stories"]; credits: string[] }): Edition => ({ source: "p.txt", slug: "p", meta: { publication: "报", date: "2025-06-30", page: "版" }, ...result });

describe("random input", () => {
  it("random bytes: decoding gives text or a SourceError, nothing else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        try {
          expect(typeof decodeText(bytes, "p.txt").text).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(SourceError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("random bytes and random text in any encoding: loading gives an edition that keeps every character, or a clear SourceError", () => {
    const folder = mkdtempSync(join(tmpdir(), "broadsheet-property-"));
    writeFileSync(join(folder, "p.meta.yaml"), sampleMeta);
    const scraps = fc.array(fc.oneof(paragraph, phrase(1, 10), fc.constantFrom("\n", "\r\n", "\r", "\n\n", "  ", "\t", "\u3000")), { maxLength: 40 }).map((parts) => parts.join(""));
    const pages = fc.tuple(page, fc.constantFrom("\n", "\r\n", "\r")).map(([{ stories, credits, layout: pageLayout, seed }, newline]) => typeset(stories, credits, pageLayout, seed).replace(/\n/gu, newline));
    const text = fc.oneof(scraps, pages);
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      text.map((value) => new TextEncoder().encode(value)),
      text.map((value) => encodeGb18030(value)),
    );
    fc.assert(
      fc.property(input, (bytes) => {
        writeFileSync(join(folder, "p.txt"), bytes);
        try {
          const { edition } = loadEdition(join(folder, "p.txt"));
          expect(compareCharacters(decodeText(bytes, "p.txt").text, edition)).toBeUndefined();
        } catch (error) {
          expect(error).toBeInstanceOf(SourceError);
          expect(String(error)).not.toMatch(BUG);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("random typeset pages under random corrections: text moves, never doubles or goes", () => {
    fc.assert(
      fc.property(page, fc.array(instruction, { maxLength: 12 }), ({ stories, credits, layout: pageLayout, seed }, instructions) => {
        const text = typeset(stories, credits, pageLayout, seed);
        let edition = asEdition(reflow(text));
        for (const step of instructions) {
          const correction = correctionFrom(edition, step);
          if (!correction) continue;
          try {
            edition = applyCorrections(edition, [correction], "p.corrections.yaml");
          } catch (error) {
            // a phrase that is ambiguous, or a move the page does not allow: reported, nothing changed
            expect(error).toBeInstanceOf(SourceError);
          }
          expect(compareCharacters(text, edition)).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});
