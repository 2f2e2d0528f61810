// The bench's yardstick: the same stories as a plain Eleventy site (one page per story, an index)
// indexed by Pagefind with its defaults, nothing else. `writePlainSite` lays it out; `plainCommands`
// build it as a new user of the two tools would.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Edition } from "../src/types.ts";

const STORY = `---
pagination: { data: stories, size: 1, alias: story }
permalink: "/{{ story.edition }}/{{ story.id }}/"
---
<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ story.title }}</title></head>
<body><main data-pagefind-body><h1>{{ story.title }}</h1><p>{{ story.byline }}</p>
{% for text in story.blocks %}<p>{{ text }}</p>
{% endfor %}</main></body></html>
`;

const INDEX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Stories</title></head><body><ul>
{% for story in stories %}<li><a href="/{{ story.edition }}/{{ story.id }}/">{{ story.title }}</a></li>
{% endfor %}</ul></body></html>
`;

export function writePlainSite(folder: string, editions: readonly Edition[]): void {
  const stories = editions.flatMap((edition) =>
    edition.stories.map((story) => ({ edition: edition.slug, id: story.id, title: story.title, byline: story.byline ?? "", blocks: story.blocks.map((block) => block.text) })),
  );
  mkdirSync(join(folder, "src/_data"), { recursive: true });
  writeFileSync(join(folder, "src/_data/stories.json"), JSON.stringify(stories));
  writeFileSync(join(folder, "src/story.njk"), STORY);
  writeFileSync(join(folder, "src/index.njk"), INDEX);
}

/** The two commands a new user of the two tools runs in the folder `writePlainSite` laid out. */
export function plainCommands(): string[][] {
  const modules = resolve(import.meta.dirname, "../node_modules");
  return [
    [join(modules, "@11ty/eleventy/cmd.cjs"), "--input=src", "--output=_site", "--quiet"],
    [join(modules, "pagefind/lib/runner/bin.cjs"), "--site", "_site"],
  ];
}
