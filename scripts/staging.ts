// The build writes into a fresh staging folder beside the output and swaps it in at the end, so a
// failed build leaves the previous site as it was, and readers never see a half-written one.
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, parse, relative, resolve } from "node:path";

/** A fresh folder beside `output` for this build (same file system, so the swap is a rename). */
export function stagingFolder(output: string): string {
  return `${output}.staging-${process.pid}`;
}

const contains = (outer: string, inner: string) => {
  const path = relative(outer, inner);
  return path === "" || (!path.startsWith("..") && !parse(path).root);
};

/**
 * Why `output` must not be built into (it is replaced wholesale), or undefined when it is safe: it
 * must not hold the project or the sources, lie inside the sources, or be a file.
 */
export function unsafeOutput(output: string, protectedFolders: { project: string; sources: string }): string | undefined {
  const target = resolve(output);
  const home = homedir();
  if (target === parse(target).root || target === home) return `${output} is ${target === home ? "the home folder" : "the root folder"}`;
  if (contains(target, protectedFolders.project)) return `${output} holds the project itself`;
  if (contains(target, protectedFolders.sources)) return `${output} holds the sources`;
  if (contains(protectedFolders.sources, target)) return `${output} is inside the sources folder`;
  if (existsSync(target) && !statSync(target).isDirectory()) return `${output} is a file, not a folder`;
  if (!existsSync(dirname(target))) return `the folder ${dirname(target)} does not exist`;
  return undefined;
}

/** Replace `target` by `built`; if that fails midway, put the previous folder back. */
export function swapIn(built: string, target: string): void {
  if (!existsSync(built)) throw new Error(`the build wrote nothing to ${built}`);
  const previous = `${target}.previous-${process.pid}`;
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, previous);
  try {
    renameSync(built, target);
  } catch (error) {
    if (hadPrevious) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
