// Eleventy 3 ships no type declarations; this is the part of its programmatic API Broadsheet uses.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; pathPrefix?: string; runMode?: "build" | "serve" | "watch"; config?: (eleventyConfig: never) => void });
    write(): Promise<unknown>;
  }
}
