// The fonts are cut in a process of their own (src/print/font-share.ts), run with V8's baseline
// WebAssembly compiler only (Liftoff): in the build's process V8 also recompiled harfbuzz's hot
// functions with its optimizing compiler, on a thread beside the cut, which took 0.6–0.9 s of CPU
// (a fifth of a 10-page build's) and made no cut faster: five faces for 5,000 characters took
// 0.82 s with Liftoff alone, 0.90 s with both.
import { spawn } from "node:child_process";
import { dieWithThisProcess, nodeArguments } from "../processes.ts";
import { cutFaces } from "./fonts.ts";

/** V8's flag for Liftoff alone, given to the font process's Node on its command line (V8 flags are per process). */
export const BASELINE_WASM = "--liftoff-only";

/** What the font process is asked. */
export interface FontRequest {
  folder: string;
  codePoints: readonly number[];
}

/** What it answers: nothing when the faces are written, else why not. */
export interface FontReply {
  error?: string;
}

/**
 * `cutFaces(folder, codePoints)` in the font process. When that process cannot run (a Node whose V8
 * no longer knows the flag: `node: bad option`), the cut is made here: slower, never lost.
 */
export function cutInFontProcess(folder: string, codePoints: readonly number[], nodeFlags: readonly string[] = [BASELINE_WASM]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeFlags, ...nodeArguments("src/print/font-share.ts")], { stdio: ["ignore", "inherit", "pipe", "ipc"], serialization: "advanced" });
    if (child.pid !== undefined) dieWithThisProcess([child.pid]);
    let reply: FontReply | undefined;
    let told = "";
    child.stderr!.on("data", (chunk: Buffer) => (told += chunk.toString()));
    child.on("message", (message: FontReply) => (reply = message));
    child.on("error", () => undefined); // not started: "close" follows, with no reply
    child.on("close", (code) => {
      if (reply?.error !== undefined) return fail(new Error(reply.error));
      if (reply && code === 0) return done();
      if (process.env.BROADSHEET_DEBUG) console.warn(`[broadsheet] the font process ended (exit code ${code}) without cutting the fonts: cutting them in this one\n${told.trim()}`);
      cutFaces(folder, codePoints).then(done, fail);
    });
    child.send({ folder, codePoints } satisfies FontRequest);
  });
}
