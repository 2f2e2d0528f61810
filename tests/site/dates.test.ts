// Edition dates as the site writes them: the day readers see on the page, at midnight China time,
// whatever the build machine's time zone.
import { describe, expect, it } from "vitest";
import { isoDateTime, publishedAt, rfc822DateTime } from "../../src/dates.ts";

describe("edition dates", () => {
  it("writes RSS's RFC 822 date for the edition's day at midnight in China, the same moment as published", () => {
    expect(rfc822DateTime("2022-08-22")).toBe("Mon, 22 Aug 2022 00:00:00 +0800");
    expect(rfc822DateTime("2020-01-05")).toBe("Sun, 05 Jan 2020 00:00:00 +0800");
    expect(rfc822DateTime("2024-02-29")).toBe("Thu, 29 Feb 2024 00:00:00 +0800");
    for (const date of ["2022-08-22", "1999-12-31", "2024-02-29"]) {
      expect(new Date(rfc822DateTime(date)).getTime()).toBe(publishedAt(date).getTime());
      expect(new Date(isoDateTime(date)).getTime()).toBe(publishedAt(date).getTime());
    }
  });

  it("refuses what is not a calendar date", () => {
    expect(() => rfc822DateTime("22 Aug 2022")).toThrow(/YYYY-MM-DD/u);
  });
});
