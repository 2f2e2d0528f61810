// The build writes into a fresh staging folder beside the output and swaps it in at the end, so a
// failed build leaves the previous site as it was, and readers never see a half-written one.
import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, parse, relative, resolve } from "node:path";
import { SITE_MARK, isSite, markAsSite } from "../src/site/output.ts";

/** Where `npm run build` writes when not told, inside the project (and ignored by git). */
export const DEFAULT_OUTPUT = "_site";

/** A fresh folder beside `output` for this build (same file system, so the swap is a rename). */
export function stagingFolder(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/** Folders a build leaves beside its output while it runs: the staged site, and the previous one set aside. */
const leftover = (output: string) => new RegExp(`^${basename(output).replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}\\.(staging|previous)-(\\d+)$`, "u");

const contains = (outer: string, inner: string) => {
  const path = relative(outer, inner);
  return path === "" || (!path.startsWith("..") && !parse(path).root);
};

/**
 * Why `output` must not be built into (it is replaced wholesale), or undefined when it is safe: it
 * must not hold the project or the sources, lie inside the sources, be a file, hold files Broadsheet
 * did not make, or be where nothing can be written.
 */
export function unsafeOutput(output: string, protectedFolders: { project: string; sources: string }): string | undefined {
  try {
    return outputProblem(output, protectedFolders);
  } catch (error) {
    return `${output} cannot be checked (${(error as Error).message})`;
  }
}

function outputProblem(output: string, protectedFolders: { project: string; sources: string }): string | undefined {
  const target = resolve(output);
  const home = homedir();
  if (target === parse(target).root || target === home) return `${output} is ${target === home ? "the home folder" : "the root folder"}`;
  if (contains(target, protectedFolders.project)) return `${output} holds the project itself`;
  if (contains(target, protectedFolders.sources)) return `${output} holds the sources`;
  if (contains(protectedFolders.sources, target)) return `${output} is inside the sources folder`;
  if (existsSync(target) && !statSync(target).isDirectory()) return `${output} is a file, not a folder`;
  if (!existsSync(dirname(target))) return `the folder ${dirname(target)} does not exist`;
  // the project's own default output is Broadsheet's even when an older version built it, unmarked
  const projectDefault = target === resolve(protectedFolders.project, DEFAULT_OUTPUT);
  if (existsSync(target) && !readable(target)) return `${output} cannot be read`;
  if (existsSync(target) && readdirSync(target).length > 0 && !isSite(target) && !projectDefault) {
    return `${output} holds files Broadsheet did not make (no ${SITE_MARK} in it): empty it, or name a new folder`;
  }
  for (const folder of existsSync(target) ? [dirname(target), target] : [dirname(target)]) {
    if (!writable(folder)) return `${folder} is read-only`;
  }
  return undefined;
}

const writable = (folder: string) => permitted(folder, constants.W_OK);
const readable = (folder: string) => permitted(folder, constants.R_OK | constants.X_OK);

function permitted(folder: string, mode: number): boolean {
  try {
    accessSync(folder, mode);
    return true;
  } catch {
    return false;
  }
}

/**
 * This build's staging folder, made and marked, after clearing what killed builds left beside the
 * output: their staged sites, and a previous site set aside mid-swap (put back if the output is gone).
 * Returns what it found, for the build to say.
 */
export function prepareStaging(output: string): { staging: string; cleared: string[] } {
  const cleared: string[] = [];
  for (const name of readdirSync(dirname(output))) {
    const found = leftover(output).exec(name);
    if (!found || Number(found[2]) === process.pid || running(Number(found[2]))) continue;
    const path = join(dirname(output), name);
    if (found[1] === "previous" && !existsSync(output)) renameSync(path, output);
    else rmSync(path, { recursive: true, force: true });
    cleared.push(path);
  }
  const staging = stagingFolder(output);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  markAsSite(staging);
  return { staging, cleared };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Replace `target` by `built`; if that fails midway, put the previous folder back. Returns where
 * the previous site was set aside, for `removeInBackground`.
 */
export function swapIn(built: string, target: string): string | undefined {
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
  return hadPrevious ? previous : undefined;
}

/** Run by `node -e`: removes the folder named on its standard input once that is closed. */
const REMOVER = `let folder = "";
process.stdin.setEncoding("utf8").on("data", (part) => (folder += part));
process.stdin.on("end", () => folder && require("node:fs").rmSync(folder, { recursive: true, force: true }));`;

/**
 * The previous site, once the new one is in place, is removed by a process of its own that outlives
 * the build: unlinking the 10,000 files of a 1,000-page site took 5-18 s that no reader need wait
 * for. The folder is renamed after the remover's ID first, so that a build starting meanwhile leaves
 * it alone (`prepareStaging` skips running processes' folders); one it could not remove, the next
 * build does. Without a remover, it is removed here.
 */
export function removeInBackground(previous: string): ChildProcess | undefined {
  const remover = spawn(process.execPath, ["-e", REMOVER], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  remover.on("error", () => undefined); // no remover: removed here, below
  try {
    if (remover.pid === undefined) throw new Error("no remover");
    const aside = previous.replace(/-\d+$/u, `-${remover.pid}`);
    renameSync(previous, aside);
    remover.stdin!.end(aside);
    remover.unref();
    return remover;
  } catch {
    remover.stdin?.end();
    rmSync(previous, { recursive: true, force: true });
    return undefined;
  }
}
