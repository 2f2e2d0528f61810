// A TrueType font wrapped as WOFF 1.0 (W3C Recommendation, 2012): each table deflated by Node's own
// zlib. The usual converters in npm deflate in JavaScript (pako), which took three quarters of the
// time a face took to cut; the format is a header and a table directory around the same tables.
import { deflateSync } from "node:zlib";

const HEADER = 44;
const DIRECTORY_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

const padded = (length: number) => (length + 3) & ~3;

/** `sfnt` (a TrueType or OpenType font) as a WOFF file holding the same tables. */
export function woff(sfnt: Uint8Array): Buffer {
  const font = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = font.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, k) => {
    const entry = SFNT_HEADER + k * SFNT_ENTRY;
    const offset = font.readUInt32BE(entry + 8);
    const original = font.subarray(offset, offset + font.readUInt32BE(entry + 12));
    const deflated = deflateSync(original, { level: 9 });
    // a table that does not shrink is stored as it is, as the format asks
    return { tag: font.readUInt32BE(entry), checksum: font.readUInt32BE(entry + 4), original, data: deflated.length < original.length ? deflated : original };
  }).sort((a, b) => a.tag - b.tag);
  const length = HEADER + count * DIRECTORY_ENTRY + tables.reduce((sum, table) => sum + padded(table.data.length), 0);
  const sfntSize = SFNT_HEADER + count * SFNT_ENTRY + tables.reduce((sum, table) => sum + padded(table.original.length), 0);
  const out = Buffer.alloc(length);
  out.write("wOFF", 0, "latin1");
  out.writeUInt32BE(font.readUInt32BE(0), 4); // the font's own flavour (TrueType or CFF)
  out.writeUInt32BE(length, 8);
  out.writeUInt16BE(count, 12);
  out.writeUInt32BE(sfntSize, 16);
  // version, metadata and private blocks: none (zeros)
  let offset = HEADER + count * DIRECTORY_ENTRY;
  tables.forEach((table, k) => {
    const entry = HEADER + k * DIRECTORY_ENTRY;
    out.writeUInt32BE(table.tag, entry);
    out.writeUInt32BE(offset, entry + 4);
    out.writeUInt32BE(table.data.length, entry + 8);
    out.writeUInt32BE(table.original.length, entry + 12);
    out.writeUInt32BE(table.checksum, entry + 16);
    out.set(table.data, offset);
    offset += padded(table.data.length);
  });
  return out;
}
