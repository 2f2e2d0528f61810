// One case per kind of bad input an editor's PDF tool (or the editor) may produce. Each case is a
// sources folder; harmless differences must give the clean page's edition, everything else a clear
// message naming the file (and line), while the good page beside it still loads.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Digest, loadDigest } from "../../src/edition/load.ts";
import type { Edition } from "../../src/types.ts";
import { encodeDoubleByte, encodeGb18030, keepEncodable, sampleMeta, samplePage, sourcesFolder } from "../edition/fixtures.ts";

/** Text or bytes to write, or what to make in the folder at that name (a link, a pipe). */
type Files = Record<string, string | Uint8Array | ((path: string) => void)>;

interface Case {
  name: string;
  files: Files;
  /** The edition of `p.txt` is the clean page's (or that of the text `as`, read as UTF-8); any notice must match. */
  same?: { notice?: RegExp; as?: string };
  /** Exactly one problem, as printed (folder left out). */
  problem?: RegExp;
  /** Slugs by source file name. */
  slugs?: Record<string, RegExp>;
}

const page = (text: string | Uint8Array, meta: string | Uint8Array = sampleMeta): Files => ({ "p.txt": text, "p.meta.yaml": meta });
const lines = samplePage.split("\n");
// CRLF, CR and LF in turn, except that a CR before an empty line's LF would make one CRLF of the
// two (a blank line lost to any reader): that line ends in CRLF instead
const ENDINGS = ["\r\n", "\r", "\n"];
const ending = (i: number) => (i === lines.length - 1 ? "" : ENDINGS[i % 3] === "\r" && lines[i + 1] === "" ? "\r\n" : ENDINGS[i % 3]);
const mixedEndings = lines.map((line, i) => line + ending(i)).join("");
const withMeta = (meta: string) => page(samplePage, meta);
const big5Page = keepEncodable("big5", samplePage);
const utf16be = (text: string) => Buffer.from(text, "utf16le").swap16();
/** The first line from which on the sample is written in a second encoding: one with Han characters, past the middle. */
const switchLine = lines.findIndex((line, i) => i > lines.length / 2 && /\p{Script=Han}{4}/u.test(line)) + 1;
const inTwoEncodings = (first: (text: string) => Uint8Array, second: (text: string) => Uint8Array) =>
  Buffer.concat([first(lines.slice(0, switchLine - 1).join("\n") + "\n"), second(lines.slice(switchLine - 1).join("\n"))]);
const utf8 = (text: string) => new TextEncoder().encode(text);
const linkTo = (target: string) => (path: string) => symlinkSync(target, path);
const pipe = (path: string) => execFileSync("mkfifo", [path]);
const makeFolder = (path: string) => mkdirSync(path);

const cases: Case[] = [
  { name: "UTF-8 with a byte-order mark", files: page(`\uFEFF${samplePage}`), same: {} },
  {
    name: "U+FEFF inside the text (files joined with their byte-order marks)",
    files: page(`\uFEFF${lines.slice(0, 30).join("\n")}\n\uFEFF${lines.slice(30).join("\n").replace("统筹协调", "统筹\uFEFF协调")}`),
    same: { as: `${lines.slice(0, 30).join("\n")}\n\u2060${lines.slice(30).join("\n").replace("统筹协调", "统筹\u2060协调")}`, notice: /p\.txt: U\+FEFF \(a byte-order mark\) inside the text on lines 31, \d+, kept as U\+2060 WORD JOINER/u },
  },
  { name: "CRLF line endings", files: page(samplePage.replace(/\n/gu, "\r\n")), same: {} },
  { name: "CR line endings", files: page(samplePage.replace(/\n/gu, "\r")), same: {} },
  { name: "mixed line endings", files: page(mixedEndings), same: {} },
  { name: "tabs for indents and at line ends", files: page(samplePage.replace(/^ +/gmu, "\t").replace(/。$/gmu, "。\t")), same: {} },
  { name: "full-width spaces", files: page(samplePage.replace(/ /gu, "\u3000")), same: {} },
  { name: "trailing spaces", files: page(samplePage.replace(/\n/gu, "   \n")), same: {} },
  { name: "GB18030 (GBK) text", files: page(encodeGb18030(samplePage)), same: { notice: /p\.txt: not UTF-8; decoded as GB18030 \(GBK\)$/u } },
  { name: "GBK with CRLF, full-width and trailing spaces", files: page(encodeGb18030(samplePage.replace(/ /gu, "\u3000").replace(/\n/gu, "  \r\n"))), same: { notice: /decoded as GB18030/u } },
  { name: "UTF-16 with a byte-order mark", files: page(Buffer.from(`\uFEFF${samplePage}`, "utf16le")), same: { notice: /p\.txt: UTF-16 text, decoded; UTF-8 is preferred$/u } },
  { name: "UTF-16LE without a byte-order mark", files: page(Buffer.from(samplePage, "utf16le")), same: { notice: /p\.txt: UTF-16LE text without a byte-order mark, decoded; UTF-8 is preferred$/u } },
  { name: "UTF-16BE without a byte-order mark", files: page(utf16be(samplePage)), same: { notice: /p\.txt: UTF-16BE text without a byte-order mark/u } },
  { name: "Big5 text (traditional Chinese), not GB18030 mojibake", files: page(encodeDoubleByte("big5", big5Page)), same: { as: big5Page, notice: /p\.txt: not UTF-8; detected as Big5 \(traditional Chinese\) and decoded as such$/u } },
  { name: "Japanese Shift_JIS text", files: page(encodeDoubleByte("shift_jis", "日本語の新聞記事です。東京都の話題。\n".repeat(20))), problem: /^p\.txt: neither UTF-8 nor a Chinese encoding: this looks like Shift_JIS text; save it as UTF-8$/u },
  {
    name: "UTF-8, then GBK from a line on (two files pasted together)",
    files: page(inTwoEncodings(utf8, encodeGb18030)),
    problem: new RegExp(`^p\\.txt:${switchLine}: the text is in UTF-8 up to line ${switchLine - 1}, then in another encoding \\(GB18030\\?\\) from line ${switchLine}:`, "u"),
  },
  {
    name: "GBK, then UTF-8 from a line on",
    files: page(inTwoEncodings(encodeGb18030, utf8)),
    problem: new RegExp(`^p\\.txt:${switchLine}: the text is in another encoding \\(GB18030\\?\\) up to line ${switchLine - 1}, then in UTF-8 from line ${switchLine}:`, "u"),
  },
  { name: "a GBK sidecar", files: page(samplePage, encodeGb18030(sampleMeta)), same: { notice: /p\.meta\.yaml: not UTF-8; decoded as GB18030/u } },
  { name: "an empty file", files: page(""), problem: /^p\.txt: the file is empty$/u },
  { name: "a file of whitespace", files: page(" \r\n\t\u3000\n"), problem: /^p\.txt: the file holds only whitespace$/u },
  { name: "a binary file", files: page(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(0)])), problem: /^p\.txt: this is not a text file \(it holds binary data\)/u },
  { name: "a PDF instead of its text", files: page("%PDF-1.7\n%âãÏÓ\n1 0 obj"), problem: /^p\.txt: this is a PDF file, not text extracted from one/u },
  { name: "UTF-8 cut short mid-character", files: page(new Uint8Array([...new TextEncoder().encode(samplePage), 0xe6, 0x94])), problem: new RegExp(`^p\\.txt:${lines.length}: UTF-8 text with 1 invalid byte sequence on line ${lines.length}:`, "u") },
  { name: "control characters from the extraction", files: page(samplePage.replace("统筹协调", "统筹\u0001协调")), problem: /^p\.txt:\d+: control character U\+0001 on line \d+ \(1 in all\)/u },
  { name: "a noncharacter (U+FFFF, bytes EF BF BF) that XML cannot carry", files: page(samplePage.replace("统筹协调", "统筹\uFFFF协调")), problem: /^p\.txt:\d+: noncharacter U\+FFFF on line \d+ \(1 in all\).*feeds cannot carry them/u },
  { name: "a noncharacter in UTF-16 text", files: page(Buffer.from(`\uFEFF${samplePage.replace("统筹协调", "统筹\uFFFE协调")}`, "utf16le")), problem: /^p\.txt:\d+: noncharacter U\+FFFE/u },
  { name: "a sidecar with control characters written as YAML escapes", files: withMeta('publication: "报\\x01\\u0000"\ndate: 2025-06-30\npage: 版\n'), problem: /^p\.meta\.yaml:1: `publication` holds control character U\+0001, which feeds \(XML\) cannot carry/u },
  { name: "a sidecar with half a surrogate pair written as an escape", files: withMeta('publication: 报\ndate: 2025-06-30\npage: "版\\uD800"\n'), problem: /^p\.meta\.yaml:3: `page` holds half a surrogate pair U\+D800/u },
  { name: "a corrections file overriding the page with a noncharacter", files: { ...page(samplePage), "p.corrections.yaml": 'meta:\n  page: "版\\uFFFF"\n' }, problem: /^p\.corrections\.yaml:2: `page` holds noncharacter U\+FFFF/u },
  { name: "text with no recognizable structure", files: page("The quick brown fox jumps over the lazy dog.\n".repeat(40)), problem: /^p\.txt: no headline recognised/u },
  { name: "a sidecar with a YAML syntax error", files: withMeta("publication: 报\ndate: \"2025-06-30\npage: 版\n"), problem: /^p\.meta\.yaml:\d: not valid YAML: /u },
  { name: "a sidecar missing a key", files: withMeta("publication: 报\ndate: 2025-06-30\n"), problem: /^p\.meta\.yaml: `page` is missing/u },
  { name: "a sidecar with an unknown key", files: withMeta(`${sampleMeta}author: 张三\n`), problem: /^p\.meta\.yaml:10: unknown key `author`/u },
  { name: "a sidecar with a wrong date", files: withMeta("publication: 报\ndate: 2025-6-31\npage: 版\n"), problem: /^p\.meta\.yaml:2: `date` should be a real date written YYYY-MM-DD/u },
  { name: "a sidecar key named after a member of every object", files: withMeta(`${sampleMeta}toString: x\n`), problem: /^p\.meta\.yaml:10: unknown key `toString`/u },
  { name: "a sidecar dated in the year 0", files: withMeta("publication: 报\ndate: 0000-01-01\npage: 版\n"), problem: /^p\.meta\.yaml:2: `date` should be a real date/u },
  {
    name: "a sidecar of aliases that expand without bound (billion laughs)",
    files: withMeta(`a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`),
    problem: /^p\.meta\.yaml:2: cannot be read: aliases/u,
  },
  { name: "a source that links to a file outside the sources", files: { "p.txt": linkTo("/etc/passwd"), "p.meta.yaml": sampleMeta }, problem: /^p\.txt: this is a symbolic link, not a regular file: only files inside the sources folder are read/u },
  { name: "a source that links to a page beside it", files: { "p.txt": linkTo("good.txt"), "p.meta.yaml": sampleMeta }, problem: /^p\.txt: this is a symbolic link/u },
  { name: "a sidecar that links elsewhere", files: { "p.txt": samplePage, "p.meta.yaml": linkTo("good.meta.yaml") }, problem: /^p\.meta\.yaml: this is a symbolic link/u },
  { name: "a sidecar link that leads nowhere", files: { "p.txt": samplePage, "p.meta.yaml": linkTo("missing.yaml") }, problem: /^p\.meta\.yaml: this is a symbolic link/u },
  { name: "a corrections file that links elsewhere", files: { ...page(samplePage), "p.corrections.yaml": linkTo("/etc/hostname") }, problem: /^p\.corrections\.yaml: this is a symbolic link/u },
  { name: "a PDF source that links to a file outside the sources", files: { "p.pdf": linkTo("/etc/passwd"), "p.meta.yaml": sampleMeta }, problem: /^p\.pdf: this is a symbolic link, not a regular file/u },
  { name: "a PDF source that is not a PDF", files: { "p.pdf": samplePage, "p.meta.yaml": sampleMeta }, problem: /^p\.pdf: not a readable PDF/u },
  { name: "a named pipe for a source (reading it would never end)", files: { "p.txt": pipe, "p.meta.yaml": sampleMeta }, problem: /^p\.txt: this is a named pipe, not a regular file/u },
  { name: "a folder named like a source", files: { "p.txt": makeFolder, "p.meta.yaml": sampleMeta }, problem: /^p\.txt: this is a folder, not a text file$/u },
  { name: "a file name with a line break and a terminal escape: the message stays one line", files: { "e\u001b[2J\n.txt": "", "e\u001b[2J\n.meta.yaml": sampleMeta }, problem: /^e\\u\{1B\}\[2J\\u\{A\}\.txt: the file is empty$/u },
  { name: "a sidecar key with a terminal escape", files: withMeta(`${sampleMeta}"\\e[2Jx": 1\n`), problem: /^p\.meta\.yaml:10: unknown key `\\u\{1B\}\[2Jx`/u },
  { name: "no sidecar", files: { "p.txt": samplePage }, problem: /^p\.txt: no sidecar p\.meta\.yaml/u },
  { name: "a correction that matches nothing", files: { ...page(samplePage), "p.corrections.yaml": "corrections:\n  - join: {after: 从未印过}\n" }, problem: /^p\.corrections\.yaml:2: `join`: “从未印过” is not in the page/u },
  { name: "a corrections file with an unknown operation", files: { ...page(samplePage), "p.corrections.yaml": "corrections:\n  - heading: 标题\n" }, problem: /^p\.corrections\.yaml:2: unknown correction `heading`/u },
  {
    name: "file names with spaces, non-ASCII characters and `..`",
    files: { ...page(samplePage), "page 4.txt": samplePage, "page 4.meta.yaml": sampleMeta, "第4版 机关.txt": samplePage, "第4版 机关.meta.yaml": sampleMeta, "a..b.txt": samplePage, "a..b.meta.yaml": sampleMeta },
    slugs: { "page 4.txt": /^page-4-[0-9a-f]{8}$/u, "第4版 机关.txt": /^4-[0-9a-f]{8}$/u, "a..b.txt": /^a-b-[0-9a-f]{8}$/u },
  },
  {
    name: "two sources that would get the same slug",
    files: { ...page(samplePage), "P.txt": samplePage, "P.meta.yaml": sampleMeta, "p .txt": samplePage, "p .meta.yaml": sampleMeta },
    slugs: { "p.txt": /^p$/u, "P.txt": /^p-[0-9a-f]{8}$/u, "p .txt": /^p-[0-9a-f]{8}$/u },
  },
];

/** The good page beside each case: a bad source must not take it down. */
const GOOD = { "good.txt": samplePage, "good.meta.yaml": sampleMeta };
const clean = loadDigest(sourcesFolder({ ...GOOD })).editions[0]!;
const editionOf = (text: string) => loadDigest(sourcesFolder({ "p.txt": text, "p.meta.yaml": sampleMeta })).editions[0];
const reflowed = (edition: Edition | undefined) => edition && { stories: edition.stories, credits: edition.credits };

function load(files: Files): { digest: Digest; folder: string } {
  const written = Object.entries(files).filter((entry): entry is [string, string | Uint8Array] => typeof entry[1] !== "function");
  const folder = sourcesFolder({ ...GOOD, ...Object.fromEntries(written) });
  for (const [name, make] of Object.entries(files)) if (typeof make === "function") make(join(folder, name));
  return { digest: loadDigest(folder), folder };
}

describe("bad input", () => {
  it.each(cases.map((entry) => [entry.name, entry] as const))("%s", (_, entry) => {
    const { digest, folder } = load(entry.files);
    const printed = digest.problems.map((problem) => String(problem).replaceAll(`${folder}/`, ""));
    const bySource = new Map(digest.editions.map((edition) => [edition.source, edition]));
    expect(reflowed(bySource.get("good.txt"))).toEqual(reflowed(clean));
    if (entry.same) {
      expect(printed).toEqual([]);
      expect(bySource.get("p.txt")).toBeDefined();
      expect(reflowed(bySource.get("p.txt"))).toEqual(reflowed(entry.same.as === undefined ? clean : editionOf(entry.same.as)));
      expect(digest.notices).toEqual(entry.same.notice ? [expect.stringMatching(entry.same.notice)] : []);
    }
    if (entry.problem) {
      expect(printed).toEqual([expect.stringMatching(entry.problem)]);
      expect(printed[0]).not.toMatch(/\n\s+at /u);
    }
    if (entry.slugs) {
      expect(printed).toEqual([]);
      for (const [name, slug] of Object.entries(entry.slugs)) expect(bySource.get(name)?.slug, name).toMatch(slug);
      const again = load(entry.files).digest.editions.map((edition) => [edition.source, edition.slug]);
      expect(again).toEqual(digest.editions.map((edition) => [edition.source, edition.slug]));
      expect(new Set(digest.editions.map((edition) => edition.slug)).size).toBe(digest.editions.length);
    }
  });

  it("a 50 MB file: refused by its size before it is read, naming the limit", () => {
    const folder = sourcesFolder({ ...GOOD, "big.meta.yaml": sampleMeta });
    const chunk = Buffer.from(samplePage);
    writeFileSync(join(folder, "big.txt"), Buffer.concat(new Array(Math.ceil((50 * 1024 * 1024) / chunk.length)).fill(chunk)).subarray(0, 50 * 1024 * 1024));
    const digest = loadDigest(folder);
    expect(digest.problems.map(String)).toEqual([`${join(folder, "big.txt")}: the file is 50.0 MB, more than the 2.0 MB allowed for one page's text (a page is 20–100 KB): is it a whole issue, or not a text extract?`]);
    expect(digest.editions.map((edition) => edition.source)).toEqual(["good.txt"]);
  });
});
