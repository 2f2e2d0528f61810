// The built site served to the renderer's browser from disk, on 127.0.0.1 at a port of the system's
// choosing, for the length of one render. A real server rather than Playwright's request routing:
// routing turns the browser's cache off, so every print view would fetch and compile Paged.js and
// decode the fonts again; served with a cache lifetime, they are loaded once for all the views.
import { createReadStream, existsSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};

export interface SiteServer {
  /** e.g. `http://127.0.0.1:41234`, without the path prefix. */
  origin: string;
  close(): Promise<void>;
}

/** The file a URL path names in the site, or undefined (outside the site, or missing). */
export function siteFile(siteDirectory: string, prefix: string, urlPath: string): string | undefined {
  const root = normalize(siteDirectory);
  const path = urlPath.startsWith(prefix) ? urlPath.slice(prefix.length) : urlPath;
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  return existsSync(file) ? file : undefined;
}

export async function serveSite(siteDirectory: string, prefix: string): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://site").pathname);
    } catch {
      path = "";
    }
    const file = siteFile(siteDirectory, prefix, path);
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not in the site: ${path}`);
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "max-age=3600" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
