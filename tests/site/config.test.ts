import { afterEach, describe, expect, it } from "vitest";
import { feedStoryCount, siteTitle } from "../../src/config.ts";
import { siteMetadata } from "../../src/site/metadata.ts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("the site's configuration", () => {
  it("names the site in Chinese unless BROADSHEET_TITLE names it", () => {
    delete process.env.BROADSHEET_TITLE;
    expect(siteTitle()).toBe("报摘");
    expect(siteMetadata().title).toMatch(/^\p{Script=Han}+$/u);
    process.env.BROADSHEET_TITLE = " 政协报摘 ";
    expect(siteMetadata().title).toBe("政协报摘");
  });

  it("puts the latest 50 stories in the feeds unless BROADSHEET_FEED_STORIES says otherwise", () => {
    delete process.env.BROADSHEET_FEED_STORIES;
    expect(feedStoryCount()).toBe(50);
    process.env.BROADSHEET_FEED_STORIES = "200";
    expect(feedStoryCount()).toBe(200);
    for (const wrong of ["0", "-3", "2.5", "many"]) {
      process.env.BROADSHEET_FEED_STORIES = wrong;
      expect(feedStoryCount(), wrong).toBe(50);
    }
  });
});
