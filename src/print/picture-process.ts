// The page pictures are drawn in a process of their own (src/print/picture-share.ts), not on the
// build's main thread: PDFium's ~30 ms a sheet and the stacking held up the thread that serves the
// print views to the browser and speaks to it, so the pool's other pages waited on the pictures.
import { type ChildProcess, spawn } from "node:child_process";
import { dieWithThisProcess, nodeArguments } from "../processes.ts";
import type { SheetPictures } from "./pictures.ts";

interface Reply {
  id: number;
  drawn?: SheetPictures | null;
  error?: string;
}

let child: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<number, { done: (drawn: SheetPictures | undefined) => void; fail: (error: Error) => void }>();

function pictureProcess(): ChildProcess {
  if (child) return child;
  const started = spawn(process.execPath, nodeArguments("src/print/picture-share.ts"), { stdio: ["ignore", "inherit", "inherit", "ipc"], serialization: "advanced" });
  dieWithThisProcess([started.pid!]);
  started.on("message", ({ id, drawn, error }: Reply) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.fail(new Error(error));
    else waiting?.done(drawn ?? undefined);
  });
  // a process that died fails what it was drawing; the next picture starts another
  started.on("exit", (code, signal) => {
    if (child === started) child = undefined;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.fail(new Error(`the picture process ended (${signal ?? `exit code ${code}`})`));
    }
  });
  child = started;
  return started;
}

/**
 * Start the picture process ahead of the first picture: its start (Node, PDFium's WebAssembly,
 * libvips; ~0.5 s) then overlaps the first views' layout in the browser rather than following it.
 */
export function startPictureProcess(): void {
  pictureProcess();
}

/** The pictures of the view printed into `pdfFile`, written into `folder` (`writeSheetPictures`, in the picture process). */
export function drawInPictureProcess(pdfFile: string, folder: string): Promise<SheetPictures | undefined> {
  const id = nextId++;
  return new Promise((done, fail) => {
    pending.set(id, { done, fail });
    pictureProcess().send({ id, pdfFile, folder });
  });
}

/** Let the picture process end (it does once its channel closes), when there is one. */
export async function closePictureProcess(): Promise<void> {
  const ending = child;
  child = undefined;
  if (!ending?.connected) return;
  const ended = new Promise((done) => ending.once("exit", done));
  ending.disconnect();
  await ended;
}
