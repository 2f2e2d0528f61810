// Fonts cut down to the characters a site prints by harfbuzz's own subsetter (hb-subset, in the
// WebAssembly build harfbuzzjs ships), called directly. The subset-font package wraps the same
// calls, but copied each 15 MB font twice on the way in and loads WOFF2 codecs we never use: five
// faces took 0.6 s of CPU there, 0.2 s here, a fixed cost of every first build, small archives' included.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The hb-subset calls we make (harfbuzz's C API; pointers are offsets into `memory`). */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

let instance: Promise<HarfBuzz> | undefined;

function harfbuzz(): Promise<HarfBuzz> {
  instance ??= WebAssembly.instantiate(readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"))).then(({ instance: module }) => {
    const exports = module.exports as unknown as HarfBuzz;
    exports._initialize();
    return exports;
  });
  return instance;
}

/** `fontFile` read into harfbuzz's memory at a block of its own (to be freed), without a copy of ours. */
function readInto(hb: HarfBuzz, fontFile: string): { pointer: number; size: number } {
  const descriptor = openSync(fontFile, "r");
  try {
    const size = fstatSync(descriptor).size;
    const pointer = hb.malloc(size);
    if (pointer === 0) throw new Error(`no room for ${fontFile} (${size} bytes) in harfbuzz's memory`);
    // the view is made after malloc, which may have grown (and so replaced) the memory's buffer
    const into = new Uint8Array(hb.memory.buffer, pointer, size);
    for (let read = 0; read < size; ) {
      const count = readSync(descriptor, into, read, size - read, read);
      if (count === 0) throw new Error(`${fontFile} ended early`);
      read += count;
    }
    return { pointer, size };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * `fontFile` (TrueType or OpenType) as a font holding only what `codePoints` need: their glyphs and
 * those every layout feature may substitute for them, as `hb-subset` does by default. A code point
 * the font lacks is left out.
 */
export async function subsetFontFile(fontFile: string, codePoints: Iterable<number>): Promise<Uint8Array> {
  const hb = await harfbuzz();
  const font = readInto(hb, fontFile);
  const blob = hb.hb_blob_create(font.pointer, font.size, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob); // the face holds it
  const input = hb.hb_subset_input_create_or_fail();
  try {
    if (input === 0) throw new Error("harfbuzz could not start a subset (out of memory)");
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features); // all of them
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error(`harfbuzz could not subset ${fontFile} (not a font it can read?)`);
    const result = hb.hb_face_reference_blob(subset);
    try {
      const length = hb.hb_blob_get_length(result);
      if (length === 0) throw new Error(`harfbuzz made an empty font of ${fontFile}`);
      return new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), length).slice();
    } finally {
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(subset);
    }
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(font.pointer);
  }
}
