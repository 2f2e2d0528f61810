// Pagefind's Node API runs one service process per loaded copy of its module, and that service
// builds one index at a time, on about one core (at 1,000 pages the shards left after Eleventy
// went one after the other, the other core idle). Shards indexed side by side therefore get
// services of their own: each further copy is the same module loaded under another URL (a query
// string makes a module of its own), holding its own service. Loaded when first asked for: the
// Eleventy a build runs never is, and starts the faster.
export type Pagefind = typeof import("pagefind");

const copies: Pagefind[] = [];

/** `count` Pagefind APIs (at least one), each with a service of its own (started when first used). */
export async function pagefindServices(count: number): Promise<Pagefind[]> {
  const wanted = Math.max(1, count);
  while (copies.length < wanted) copies.push((await import(copies.length === 0 ? "pagefind" : `${import.meta.resolve("pagefind")}?service=${copies.length}`)) as Pagefind);
  return copies.slice(0, wanted);
}

/** Stop every service started (a build's process then ends; `npm start` starts them again when next needed). */
export async function closePagefindServices(): Promise<void> {
  await Promise.all(copies.map((copy) => copy.close()));
}
