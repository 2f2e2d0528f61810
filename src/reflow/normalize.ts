import type { ReflowState } from "../types.ts";

// Signal: none yet; this pass only makes every source look alike (one newline kind, no BOM, no tabs)
// so that a CRLF file, a tab-indented file and a clean UTF-8 file reflow to the same edition.
export function normalize(state: ReflowState): void {
  // a leading BOM read by code (a pattern made and tried per page otherwise)
  const text = state.raw.charCodeAt(0) === 0xfeff ? state.raw.slice(1) : state.raw;
  // most sources are alike already: one scan tells, and the replacements' scans are left for the others
  state.text = isNormal(text)
    ? text
    : text
        .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/gu, "\n")
        .replace(/[\t\u00A0\u3000\u2000-\u200A\u202F\u205F]/gu, " ")
        .replace(/ +$/gmu, "");
}

/** Nothing for the replacements above to change: no newline but `\n`, no tab or wide space, no space ending a line. */
function isNormal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 && (i + 1 === text.length || text.charCodeAt(i + 1) === 0x0a)) return false;
    // Han text, most of a page, is above every mark looked for but the wide spaces (U+3000 and below)
    if (code <= 0x3000 && code !== 0x0a && code !== 0x20 && isReplaced(code)) return false;
  }
  return true;
}

function isReplaced(code: number): boolean {
  return (
    code === 0x0d || code === 0x0c || code === 0x0b || code === 0x2028 || code === 0x2029 || code === 0x85 ||
    code === 0x09 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f
  );
}
