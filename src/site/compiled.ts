// Nunjucks templates compiled once per file, not once per page. Eleventy 3.1 leaves Nunjucks out of
// its compile cache and compiles a paginated template again for each of its pages (a third of the
// build's time at 1,000 pages); declaring Nunjucks a cacheable custom engine that compiles with
// Eleventy's own Nunjucks environment brings the cache back, for one build at a time (in `npm start`
// an edited partial must reach the pages that include it).
import type { EleventyConfig } from "./eleventy.ts";
import { nunjucks } from "./nunjucks.ts";

export default function compiledOnce(eleventyConfig: EleventyConfig): void {
  let environment: unknown;
  let build = 0;
  eleventyConfig.on("eleventy.before", () => {
    build += 1;
  });
  eleventyConfig.amendLibrary("njk", (library) => {
    environment = library;
  });
  eleventyConfig.addExtension("njk", {
    key: "njk",
    // permalinks are templates too, as with Eleventy's own Nunjucks
    compileOptions: { cache: true, permalink: true, getCacheKey: (text, inputPath) => `${build}\u0000${inputPath}\u0000${text}` },
    compile(text: string, inputPath: string) {
      // as Eleventy does: a path only for a template file, not for a permalink or computed value
      const path = !inputPath || inputPath === "njk" || inputPath === "md" ? null : inputPath;
      const template = new nunjucks.Template(text, environment, path, false);
      return (data: object) =>
        new Promise<string>((done, fail) => template.render(data, (error, rendered) => (error ? fail(error) : done(rendered ?? ""))));
    },
  });
}
