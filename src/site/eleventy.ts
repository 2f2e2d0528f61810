// The part of Eleventy 3's configuration API the site's plugins use (Eleventy ships no types).
export type RunMode = "build" | "watch" | "serve";

export interface AfterBuild {
  directories: { output: string };
  runMode: RunMode;
  /** What Eleventy wrote in this build: one entry per page, with its file (false when not written). */
  results: { outputPath: string | false }[];
}

export interface EleventyConfig {
  pathPrefix: string;
  addPlugin(plugin: (config: never, options?: never) => unknown, options?: object): void;
  addDataExtension(extension: string, options: { read: boolean; parser: (file: string) => Promise<unknown> }): void;
  addWatchTarget(path: string): void;
  setWatchThrottleWaitTime(milliseconds: number): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  /** A function for JavaScript templates and front matter (`this.name` in an `eleventyComputed` function). */
  addJavaScriptFunction(name: string, fn: (...args: never[]) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  amendLibrary(name: "njk", amend: (library: unknown) => void): void;
  addExtension(
    extension: string,
    options: { key: string; compileOptions?: { cache?: boolean; permalink?: boolean; getCacheKey?: (text: string, inputPath: string) => string }; compile(text: string, inputPath: string): (data: object) => Promise<string> },
  ): void;
  setNunjucksEnvironmentOptions(options: { autoescape?: boolean; dev?: boolean; throwOnUndefined?: boolean }): void;
  setServerOptions(options: { port?: number; showAllHosts?: boolean; watch?: string[] }): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string | Promise<string>): void;
  on(event: "eleventy.after", listener: (event: AfterBuild) => unknown): void;
  on(event: "eleventy.before", listener: () => unknown): void;
  /** Before a rebuild in `--watch`/`--serve`: the files whose change started it. */
  on(event: "eleventy.beforeWatch", listener: (changed: string[]) => unknown): void;
}
