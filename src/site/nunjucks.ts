// Eleventy's own Nunjucks, the one that renders the site (Eleventy depends on a fork of it,
// installed under the name `nunjucks`): what the site compiles and escapes with.
import { createRequire } from "node:module";

export interface NunjucksTemplate {
  render(data: object, done: (error: Error | null, rendered?: string) => void): void;
  /** Runs the template for what it exports (its macros), as `{% import %}` does. */
  getExported(done: (error: Error | null, exported?: Record<string, unknown>) => void): void;
}

export interface NunjucksEnvironment {
  /** The template at `path` (among the includes), compiled. */
  getTemplate(path: string, eagerCompile: true): NunjucksTemplate;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addGlobal(name: string, value: unknown): void;
}

export const nunjucks = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"))("nunjucks") as {
  Template: new (text: string, environment: unknown, path: string | null, eager: boolean) => NunjucksTemplate;
  Environment: new (loader: unknown, options: { autoescape: boolean }) => NunjucksEnvironment;
  FileSystemLoader: new (folder: string) => unknown;
  lib: { escape(text: string): string };
};
