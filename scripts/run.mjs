// node scripts/run.mjs scripts/build.mts [args]: runs a script of ours bundled into plain JavaScript
// by esbuild, rather than through tsx. On Node 20 tsx's module hooks run on a thread of their own,
// with a round trip for every module loaded, Eleventy's hundreds included: about a second of CPU
// in each of the build's two processes, a fifth of a small archive's build. The bundle (with
// Eleventy's config and `_data` files, for the Eleventy the build starts: BROADSHEET_COMPILED) is
// kept in node_modules/.cache by a hash of the code, so it is made again only when the code changes.
// Plain JavaScript itself: it runs before any TypeScript can be loaded.
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const CODE = ["src", "scripts", "_data", "eleventy.config.ts", "package-lock.json"];
/** Scripts the build runs in processes of its own (src/processes.ts finds them in the bundle). */
const HELPERS = ["src/edition/reflow-share.ts", "src/print/picture-share.ts", "src/print/font-share.ts"];
const COMPILED = join(root, "node_modules/.cache/broadsheet/compiled");
/** An older bundle of other code is removed once this old (a build still running from it has long been done). */
const STALE_MS = 24 * 3600 * 1000;

function codeFiles() {
  return CODE.flatMap((entry) => {
    const path = join(root, entry);
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path, { recursive: true, encoding: "utf8" })
      .sort()
      .map((name) => join(path, name))
      .filter((file) => /\.(ts|mts|mjs|js|json)$/u.test(file) && statSync(file).isFile());
  });
}

/** Each module's own `import.meta` where the code reads it: the project's paths are found from the sources' places, not the bundle's. */
const sourcePlaces = {
  name: "source-places",
  setup(build) {
    // (esbuild takes Go's regular expressions: no flags)
    build.onLoad({ filter: /\.m?ts$/ }, ({ path }) => ({
      loader: "ts",
      contents: readFileSync(path, "utf8")
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(path)))
        .replaceAll("import.meta.filename", JSON.stringify(path))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
    }));
  },
};

async function compile(entry, folder) {
  const { build, stop } = await import("esbuild");
  const data = readdirSync(join(root, "_data")).filter((name) => name.endsWith(".ts")).map((name) => join(root, "_data", name));
  const working = `${folder}.${process.pid}`;
  try {
    await build({
      entryPoints: [entry, "eleventy.config.ts", ...HELPERS].map((file) => join(root, file)).concat(data),
      absWorkingDir: root,
      outbase: root,
      outdir: working,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true, // one copy of each module, shared by the config and the data files (they share state)
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      sourcemap: true,
      plugins: [sourcePlaces],
      logLevel: "error",
    });
  } finally {
    await stop();
  }
  try {
    renameSync(working, folder);
  } catch {
    rmSync(working, { recursive: true, force: true }); // another run made the same bundle first
  }
}

function removeStale(keep) {
  for (const name of existsSync(COMPILED) ? readdirSync(COMPILED) : []) {
    const path = join(COMPILED, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The bundle of `entry`, made if need be; undefined when it cannot be written (a read-only project). */
async function bundled(entry) {
  // the bundle holds the sources' own paths (sourcePlaces): another checkout's is another bundle
  const hash = createHash("sha256").update(root).update("\0").update(entry);
  for (const file of codeFiles()) hash.update(`${relative(root, file)}\0`).update(readFileSync(file));
  const key = hash.digest("hex").slice(0, 16);
  const folder = join(COMPILED, key);
  if (existsSync(folder)) return folder;
  try {
    mkdirSync(COMPILED, { recursive: true });
    accessSync(COMPILED, constants.W_OK);
  } catch {
    return undefined;
  }
  await compile(entry, folder).catch((error) => {
    // esbuild has printed what it could not compile
    if (!error.errors) console.error(`cannot bundle ${entry} into ${relative(root, COMPILED)}: ${error.message}`);
    process.exit(1);
  });
  removeStale(key);
  return folder;
}

const [entry, ...args] = process.argv.slice(2);
const folder = await bundled(entry);
let script = join(root, entry);
if (folder) {
  process.env.BROADSHEET_COMPILED = folder;
  // stack traces are shown only then, and should name the TypeScript
  if (process.env.BROADSHEET_DEBUG) process.setSourceMapsEnabled(true);
  script = join(folder, entry.replace(/\.m?ts$/u, ".mjs"));
} else (await import("tsx/esm/api")).register(); // run as TypeScript, as `npm start` does
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(script).href);
