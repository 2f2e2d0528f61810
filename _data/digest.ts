// The digest every page reads: the editions reflowed from the sources folder, newest first.
import { sourcesDirectory } from "../src/config.ts";
import { loadDigest } from "../src/edition/load.ts";

export default function digest() {
  const { editions, problems, notices } = loadDigest(sourcesDirectory());
  for (const message of [...notices, ...problems.map(String)]) console.warn(`[broadsheet] ${message}`);
  return { editions };
}
