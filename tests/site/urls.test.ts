import { describe, expect, it } from "vitest";
import { MAX_SEGMENT_BYTES, authorUrl, pathSegment, publicationUrl } from "../../src/site/urls.ts";

describe("pathSegment", () => {
  it("keeps a plain name as it is, readable in the address", () => {
    expect(pathSegment("徐勇")).toBe("徐勇");
    expect(authorUrl("王晓杰")).toBe("/authors/王晓杰/");
  });

  it("hashes a name that does not survive unchanged, so that names never share a page", () => {
    const [dot, dash] = [pathSegment("阿不都·热合曼"), pathSegment("阿不都-热合曼")];
    expect(dot).toMatch(/^阿不都-热合曼-[0-9a-f]{8}$/u);
    expect(dash).not.toBe(dot);
    expect(pathSegment("<img/src=x/onerror=alert(6)>")).toMatch(/^img-src-x-onerror-alert-6-[0-9a-f]{8}$/u);
    expect(pathSegment("《》")).toMatch(/^[0-9a-f]{8}$/u);
  });

  it("cuts a name too long for a file name and hashes it: 90 Han characters are 270 bytes", () => {
    const long = "长".repeat(90);
    const segment = pathSegment(long);
    expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
    expect(pathSegment(`${long}短`)).not.toBe(segment);
    expect(publicationUrl("报".repeat(200)).length).toBeLessThan(200);
  });
});
