import { describe, expect, it } from "vitest";
import { runPasses } from "../../src/reflow/index.ts";

const linesOf = (raw: string) => runPasses(raw, "lines");

describe("normalize", () => {
  it("gives CRLF, CR, BOM, tabs and full-width spaces the same text as clean input", () => {
    const clean = runPasses("标题\n\n第一行。\n", "normalize").text;
    expect(runPasses("\uFEFF标题\r\n\r\n第一行。\r\n", "normalize").text).toBe(clean);
    expect(runPasses("标题\r\rd第一行。\r".replace("d", ""), "normalize").text).toBe(clean);
    expect(runPasses("标题\t \n\n第一行。   \n", "normalize").text).toBe(clean);
    expect(runPasses("\u3000标题", "normalize").text).toBe(" 标题");
  });
});

describe("lines", () => {
  it("keeps each non-blank line with its number, indent, width and blank neighbours", () => {
    const state = linesOf("\n 统筹协调 规范管理\n□江 波\n\n加强机关建设是服务。\n");
    expect(state.lines.map((line) => line.number)).toEqual([2, 3, 5]);
    expect(state.lines[0]).toMatchObject({ text: "统筹协调 规范管理", indented: true, width: 8, blankBefore: true, blankAfter: false });
    expect(state.lines[2]).toMatchObject({ blankBefore: true, blankAfter: true });
  });
  it("spots lines spread apart by justification", () => {
    const [spread, title] = linesOf("训 ，不 断 拓 宽 机 关 干 部 发 展 视\n加强建设 筑牢履职根基\n").lines;
    expect(spread!.spread).toBe(true);
    expect(title!.spread).toBe(false);
  });
  it("counts a stop hanging past the column, and half an ellipsis squeezed in, out of how full a line is", () => {
    const [stop, ellipsis, inner] = linesOf("城里白领下乡搞直播。\n城里白领下乡搞直播……\n城里……白领下乡搞直播\n").lines;
    expect(stop).toMatchObject({ width: 9.5, core: 9 });
    expect(ellipsis).toMatchObject({ width: 11, core: 10 });
    expect(inner).toMatchObject({ width: 11, core: 11 });
  });
  it("tells a double-spaced extraction (a blank after every line) from meaningful blank lines", () => {
    expect(linesOf("一行\n\n二行\n\n三行\n\n四行\n").blankLinesMeaningful).toBe(false);
    expect(linesOf("一行\n二行\n\n三行\n四行\n五行\n").blankLinesMeaningful).toBe(true);
  });
});
