// Looking for markup that came from a source page in what the build wrote: elements, attributes,
// comments and scripts that only exist if source text was written out unescaped.
import { Parser } from "htmlparser2";

/** Words the markup fixture puts inside its own tags; an element around one of them came from the source. */
const WORDS_IN_SOURCE_TAGS = ["粗体", "张三", "强调", "某单位", "赵六", "链接"];
/** Markup in the fixture, character for character; text output must never hold it as is. */
export const RAW_SOURCE_MARKUP = [
  "<script>alert(1)</script>",
  '<script>alert("x")</script>',
  "<img src=x onerror=alert(1)>",
  "<b>粗体</b>",
  "<i>张三</i>",
  "<style>body{display:none}</style>",
  '<a href="javascript:alert(1)">',
  '<iframe src="javascript:alert(1)">',
];

/** What an HTML document shows as text: text nodes (outside scripts and styles) and attribute values. */
export interface ParsedHtml {
  /** Markup from the source found in the document, described for the failure message. */
  violations: string[];
  text: string;
  attributes: string[];
}

export function scanHtml(html: string): ParsedHtml {
  const result: ParsedHtml = { violations: [], text: "", attributes: [] };
  const open: { name: string; attributes: Record<string, string> }[] = [];
  let scriptText = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        open.push({ name, attributes });
        scriptText = "";
        for (const [attribute, value] of Object.entries(attributes)) {
          result.attributes.push(value);
          if (attribute.startsWith("on")) result.violations.push(`<${name} ${attribute}="${value}">: an event handler`);
          if (/^\s*javascript:/iu.test(value)) result.violations.push(`<${name} ${attribute}="${value}">: a javascript: URL`);
        }
        if (name === "img" && attributes.src === "x") result.violations.push("<img src=x>: the fixture's image");
        if (name === "iframe" || name === "textarea") result.violations.push(`<${name}>: an element the fixture writes`);
      },
      ontext(text) {
        const element = open[open.length - 1];
        if (element?.name === "script" || element?.name === "style") {
          scriptText += text;
          return;
        }
        result.text += text;
        if (element && ["b", "i", "u", "em"].includes(element.name) && WORDS_IN_SOURCE_TAGS.some((word) => text.includes(word))) {
          result.violations.push(`<${element.name}>${text}</${element.name}>: an element from the source`);
        }
      },
      onclosetag(name) {
        const element = open.pop();
        if (name === "script") checkScript(element?.attributes.type, scriptText, result.violations);
        if (name === "style" && scriptText.includes("display:none")) result.violations.push(`<style>${scriptText}</style>: the fixture's style`);
      },
      oncomment(comment) {
        if (comment.includes("注释")) result.violations.push(`<!--${comment}-->: a comment from the source`);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return result;
}

/** JSON-LD must be one JSON value (a `</script>` in it would cut it short); no other script may run the fixture's code. */
function checkScript(type: string | undefined, content: string, violations: string[]): void {
  if (type === "application/ld+json") {
    try {
      JSON.parse(content);
    } catch {
      violations.push(`<script type="application/ld+json">${content.slice(0, 80)}…: not valid JSON (cut short by source text?)`);
    }
    return;
  }
  if (/alert\(/u.test(content) && content.length < 200) violations.push(`<script>${content}</script>: a script from the source`);
}

/** Every string in a parsed JSON or XML value, with the key it sits under. */
export function strings(value: unknown, key = ""): { key: string; text: string }[] {
  if (typeof value === "string") return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([name, item]) => strings(item, name === "#text" ? key : name));
  return [];
}
