// The site's fonts, cut for the build in a process of its own (started by src/print/font-process.ts
// with V8's baseline WebAssembly compiler only): a folder and the code points come in, the faces are
// written there, and the process ends.
import type { FontReply, FontRequest } from "./font-process.ts";
import { cutFaces } from "./fonts.ts";

process.once("message", async ({ folder, codePoints }: FontRequest) => {
  let reply: FontReply = {};
  try {
    await cutFaces(folder, codePoints);
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  process.send!(reply, () => process.disconnect());
});
