import type { ReflowState } from "../types.ts";

// Signal: none yet; this pass only makes every source look alike (one newline kind, no BOM, no tabs)
// so that a CRLF file, a tab-indented file and a clean UTF-8 file reflow to the same edition.
export function normalize(state: ReflowState): void {
  state.text = state.raw
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/gu, "\n")
    .replace(/[\t\u00A0\u3000\u2000-\u200A\u202F\u205F]/gu, " ")
    .replace(/ +$/gmu, "");
}
