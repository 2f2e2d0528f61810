import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText, lineAt, linesMatching, readTextFile, replaceUncarriable } from "../../src/edition/decode.ts";
import { encodeGb18030, sourceError, sourcesFolder } from "./fixtures.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...utf8(part)] : part)));


describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark alike, with no notice", () => {
    const plain = decodeText(utf8("标题\n正文。\n"), "a.txt");
    const marked = decodeText(bytes([0xef, 0xbb, 0xbf], "标题\n正文。\n"), "a.txt");
    expect(marked).toEqual(plain);
    expect(plain).toEqual({ text: "标题\n正文。\n", encoding: "utf-8", notices: [] });
  });

  it("decodes GBK/GB18030 text and says so", () => {
    const decoded = decodeText(encodeGb18030("政协机关建设“样板”\n第二行，"), "gbk.txt");
    expect(decoded.text).toBe("政协机关建设“样板”\n第二行，");
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.notices).toEqual(["gbk.txt: not UTF-8; decoded as GB18030 (GBK)"]);
  });

  it("decodes UTF-16 that says so with a byte-order mark", () => {
    const text = "政协\n机关";
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(le, "u16.txt")).toMatchObject({ text, encoding: "utf-16" });
  });

  it("tells UTF-16 without a byte-order mark from binary data by where its zero bytes are", () => {
    const text = "政协机关建设\n第二行 ABC\n";
    expect(decodeText(Buffer.from(text, "utf16le"), "le.txt")).toMatchObject({ text, encoding: "utf-16" });
    expect(decodeText(Buffer.from(text, "utf16le").swap16(), "be.txt")).toMatchObject({ text, encoding: "utf-16" });
    // paragraphs on one line each: few zero bytes (one per 200 characters)
    const paragraphs = `${"政协机关建设提质增效，推动高质量发展。".repeat(10)}\n`.repeat(20);
    expect(decodeText(Buffer.from(paragraphs, "utf16le"), "long.txt")).toMatchObject({ text: paragraphs, encoding: "utf-16" });
    // UTF-8 with a few NUL bytes is not UTF-16 read wrongly: it is refused for its control characters
    const nuls = sourceError(() => decodeText(bytes("政协机关建设。\n".repeat(40), [0, 0], "第二行\n", [0, 0]), "nul.txt"));
    expect(nuls.message).toMatch(/^control character U\+0000/u);
    // zeros on both sides of the code units: not text
    expect(sourceError(() => decodeText(new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 20))), "b.txt")).message).toMatch(/not a text file/u);
  });

  it("names the line where a file pasted together from two encodings changes", () => {
    const head = "政协机关建设提质增效。\n".repeat(30);
    const tail = "推动机关建设高质量发展。\n".repeat(30);
    const mixed = new Uint8Array([...utf8(head), ...encodeGb18030(tail)]);
    expect(String(sourceError(() => decodeText(mixed, "m.txt")))).toMatch(/^m\.txt:31: the text is in UTF-8 up to line 30, then in another encoding \(GB18030\?\) from line 31/u);
  });

  it("refuses UTF-8 damaged by a few bad bytes, naming their lines, instead of garbling it as GB18030", () => {
    const text = `${"政协机关建设。\n".repeat(40)}`;
    const damaged = bytes(text, "第四十一行", [0xe6, 0x94], "\n", text);
    const error = sourceError(() => decodeText(damaged, "cut.txt"));
    expect(error.line).toBe(41);
    expect(String(error)).toMatch(/^cut\.txt:41: UTF-8 text with 1 invalid byte sequence on line 41/u);
  });

  it("refuses a PDF, binary data, control characters, and empty or blank files", () => {
    expect(sourceError(() => decodeText(utf8("%PDF-1.7\n…"), "p.txt")).message).toMatch(/PDF file, not text extracted/u);
    expect(sourceError(() => decodeText(new Uint8Array(256).map((_, i) => i), "b.txt")).message).toMatch(/not a text file/u);
    const control = sourceError(() => decodeText(utf8("第一行\n第\u0002二行\n"), "c.txt"));
    expect(String(control)).toMatch(/^c\.txt:2: control character U\+0002 on line 2 \(1 in all\)/u);
    expect(sourceError(() => decodeText(new Uint8Array(), "e.txt")).message).toBe("the file is empty");
    expect(sourceError(() => decodeText(utf8(" \r\n\t\u3000\n"), "w.txt")).message).toBe("the file holds only whitespace");
  });

  it("lets blank text through when asked (sidecars left blank)", () => {
    expect(decodeText(new Uint8Array(), "s.yaml", { allowBlank: true }).text).toBe("");
    expect(decodeText(utf8("\n \n"), "s.yaml", { allowBlank: true }).text).toBe("\n \n");
  });

  it("keeps characters the PDF tool could not read, with a notice naming their lines", () => {
    const decoded = decodeText(utf8("一\n二\uFFFD\n三\uE001\n"), "g.txt");
    expect(decoded.text).toBe("一\n二\uFFFD\n三\uE001\n");
    expect(decoded.notices).toEqual([expect.stringMatching(/^g\.txt: characters the PDF tool could not read .* on lines 2, 3;/u)]);
  });
});

describe("readTextFile", () => {
  it("refuses a file over the limit before reading it, and names folders and missing files", () => {
    const folder = sourcesFolder({ "big.txt": "政".repeat(400) });
    expect(sourceError(() => readTextFile(join(folder, "big.txt"), { limit: { bytes: 1000, of: "a test" } })).message).toBe("the file is 2 KB, more than the 1 KB allowed for a test");
    expect(sourceError(() => readTextFile(folder)).message).toBe("this is a folder, not a text file");
    expect(sourceError(() => readTextFile(join(folder, "none.txt"))).message).toBe("cannot be read: no such file");
  });

  it("reads a file as decodeText does", () => {
    const folder = sourcesFolder({});
    writeFileSync(join(folder, "gbk.txt"), encodeGb18030("机关\n"));
    expect(readTextFile(join(folder, "gbk.txt"))).toMatchObject({ text: "机关\n", encoding: "gb18030" });
  });
});

describe("line numbers", () => {
  it("count CRLF, CR, LF and form feeds the way the reflow does", () => {
    const text = "a\r\nb\rc\nd\fe";
    expect(["a", "b", "c", "d", "e"].map((ch) => lineAt(text, text.indexOf(ch)))).toEqual([1, 2, 3, 4, 5]);
    expect(linesMatching("x\r\nyx\ry\n\nx", /x/gu)).toEqual([1, 2, 5]);
  });
});

describe("replaceUncarriable (a PDF's text layer, which no editor can fix at its source)", () => {
  it("turns what XML cannot carry into U+FFFD, one for one, and leaves the rest", () => {
    expect(replaceUncarriable("统筹\u0001协调\uFFFF，\uD800好\t")).toBe("统筹\uFFFD协调\uFFFD，\uFFFD好\t");
    expect(replaceUncarriable("𠀀 emoji 😀 ok")).toBe("𠀀 emoji 😀 ok");
  });
});
