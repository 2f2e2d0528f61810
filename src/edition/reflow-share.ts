// One share of a sources folder reflowed into the cache in a process of its own, started by
// src/edition/warm.ts with the folder, the share's index and the number of shares; prints how many
// pages it reflowed.
import { loadShare } from "./warm.ts";

const [directory, index, of] = process.argv.slice(2);
console.log(loadShare({ directory: directory!, index: Number(index), of: Number(of) }));
