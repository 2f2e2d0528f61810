import { SourceError } from "./errors.ts";

export interface DecodedSource {
  text: string;
  encoding: "utf-8" | "gb18030";
}

/** Share of control characters (other than whitespace) above which a file is not text. */
const BINARY_SHARE = 0.01;

/**
 * Source bytes to text: UTF-8 (with or without BOM) when valid, otherwise GB18030, which is what
 * Chinese PDF tools write when they do not write UTF-8. Binary files are refused, not guessed at.
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  if (bytes.length === 0) throw new SourceError(file, "the file is empty");
  let decoded: DecodedSource;
  try {
    decoded = { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    decoded = { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
  const controls = decoded.text.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/gu)?.length ?? 0;
  if (controls > Math.max(2, decoded.text.length * BINARY_SHARE)) {
    throw new SourceError(file, "this is not a text file (it holds binary data); extract the page's text first");
  }
  if (decoded.text.trim() === "") throw new SourceError(file, "the file holds only whitespace");
  return decoded;
}
