// Nunjucks templates compiled once per file, not once per page. Eleventy 3.1 leaves Nunjucks out of
// its compile cache and compiles a paginated template again for each of its pages (a third of the
// build's time at 1,000 pages); declaring Nunjucks a cacheable custom engine that compiles with
// Eleventy's own Nunjucks environment brings the cache back, for one build at a time (in `npm start`
// an edited partial must reach the pages that include it). Likewise each macro library
// (`{% set story = macros("partials/story.njk") %}`) is made once a build and shared by every page,
// where `{% import %}` runs the whole library again in each page to make its macros (0.19 s of
// Eleventy's 2.6 at 100 pages). As with an import, its macros see their arguments and the globals only.
import type { EleventyConfig } from "./eleventy.ts";
import { type NunjucksEnvironment, nunjucks } from "./nunjucks.ts";

/** The macros the library at `path` exports. */
export function macrosOf(environment: NunjucksEnvironment, path: string): Record<string, unknown> {
  let macros: Record<string, unknown> | undefined;
  let failure: Error | null = null;
  // synchronous: a library of macros has no async filters to wait for
  environment.getTemplate(path, true).getExported((error, exported) => {
    failure = error;
    macros = exported;
  });
  if (failure) throw failure;
  if (!macros) throw new Error(`${path} did not export its macros at once (an async filter in it?)`);
  return macros;
}

export default function compiledOnce(eleventyConfig: EleventyConfig): void {
  let environment: NunjucksEnvironment;
  let build = 0;
  const libraries = new Map<string, Record<string, unknown>>();
  eleventyConfig.on("eleventy.before", () => {
    build += 1;
    libraries.clear();
  });
  eleventyConfig.amendLibrary("njk", (library) => {
    environment = library as NunjucksEnvironment;
  });
  eleventyConfig.addNunjucksGlobal("macros", (path: string) => {
    let macros = libraries.get(path);
    if (!macros) libraries.set(path, (macros = macrosOf(environment, path)));
    return macros;
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
