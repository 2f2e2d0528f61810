// Declarations for the font subsetter (the package ships no types).
declare module "subset-font" {
  /** Cut a font down to the glyphs `text` needs (harfbuzz's hb-subset, compiled to wasm). */
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: "sfnt" | "woff" | "woff2" }): Promise<Buffer>;
}
