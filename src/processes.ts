// The build's child processes, found and tied to it without loading a browser: Eleventy's process
// must die with the build from its first second, before Playwright (seconds to load) is needed, if ever.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./config.ts";

/**
 * What Node runs a script of ours with (`script` from the project's root): its bundle when the build
 * runs bundled (scripts/run.mjs, which bundles the scripts the build starts), else the TypeScript through tsx.
 */
export function nodeArguments(script: string): string[] {
  const compiled = process.env.BROADSHEET_COMPILED;
  return compiled ? [join(compiled, script.replace(/\.m?ts$/u, ".mjs"))] : ["--import", "tsx", join(projectRoot, script)];
}

/** Each running process's parent, by pid (Linux: read from /proc; empty elsewhere). */
export function parentsOfProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  if (!existsSync("/proc/self/stat")) return parents;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/u.test(name)) continue;
    try {
      // the parent's pid is the 4th field, after the command in parentheses (which may hold spaces)
      parents.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return parents;
}

/** The processes `parent` started that are still running. */
export const childProcesses = (parent: number) => [...parentsOfProcesses()].filter(([, of]) => of === parent).map(([pid]) => pid);

/**
 * Chromium (and Eleventy's process) must die with the build, even when the build is killed
 * outright (SIGKILL leaves no handler a chance): a tiny shell, in a session of its own, waits for
 * this process to end and then kills the process and its process group (Playwright starts the
 * browser as the leader of its own group: renderers and all). It ends by itself when they do.
 */
export function dieWithThisProcess(pids: readonly number[]): void {
  for (const pid of pids) {
    const watchdog = "while kill -0 $0 2>/dev/null; do kill -0 $1 2>/dev/null || exit 0; sleep 1; done; kill -9 -$1 $1 2>/dev/null";
    spawn("/bin/sh", ["-c", watchdog, String(process.pid), String(pid)], { detached: true, stdio: "ignore" }).unref();
  }
}
