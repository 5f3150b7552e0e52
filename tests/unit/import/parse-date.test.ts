import { describe, expect, it } from "vitest";
import { detectDateOrder, parseDate } from "~/server/import/parse-date";

describe("parseDate", () => {
  it.each([
    ["2019-03-02", "YMD", "2019-03-02"],
    ["2012/3/22", "YMD", "2012-03-22"],
    ["2019.04.19.", "YMD", "2019-04-19"],
    ["20190311", "YMD", "2019-03-11"],
    ["2018-02-25 12:34:56 +0000", "YMD", "2018-02-25"],
    ["2020-01-23T08:26:29Z", "YMD", "2020-01-23"],
    ["22.02.18", "DMY", "2018-02-22"],
    ["18.09.2017", "DMY", "2017-09-18"],
    ["10/02/2018", "DMY", "2018-02-10"],
    ["10/02/2018", "MDY", "2018-10-02"],
    ["6/12/15", "MDY", "2015-06-12"],
    ["2/10'2020", "MDY", "2020-02-10"],
    ["1/ 1'00", "MDY", "2000-01-01"],
    ["12-Dec-2019", "DMY", "2019-12-12"],
    ["27 Feb 2018", "DMY", "2018-02-27"],
    ["10 Feb 18", "DMY", "2018-02-10"],
    ["3. März 2021", "DMY", "2021-03-03"],
    ["December 24, 2022", "MDY", "2022-12-24"],
  ] as const)("%s in %s order is %s", (raw, order, expected) => {
    expect(parseDate(raw, order)).toBe(expected);
  });

  it.each([
    ["2012-02-30", "YMD"],
    ["1111/11/11", "YMD"],
    ["13/13/2020", "DMY"],
    ["201120000000", "YMD"],
    ["baddate", "DMY"],
    ["2019-03-02", "DMY"],
    ["Pending", "DMY"],
  ] as const)("rejects %s in %s order", (raw, order) => {
    expect(parseDate(raw, order)).toBeNull();
  });
});

describe("detectDateOrder", () => {
  it("is decided by a day above 12 anywhere in the column", () => {
    expect(detectDateOrder(["01/02/2020", "03/04/2020", "25/04/2020"])).toEqual({ order: "DMY", ambiguous: false });
    expect(detectDateOrder(["01/02/2020", "04/25/2020"])).toEqual({ order: "MDY", ambiguous: false });
  });
  it("prefers the order under which a sorted statement stays sorted", () => {
    // As D/M these run 2 Jan, 3 Jan, 1 Feb; as M/D 1 Feb, 1 Mar, then back to 2 Jan.
    expect(detectDateOrder(["02/01/2020", "03/01/2020", "01/02/2020"]).order).toBe("DMY");
    // As M/D these run 2 Jan, 3 Jan, 1 Feb; as D/M 1 Feb, 1 Mar, then back to 2 Jan.
    expect(detectDateOrder(["01/02/2020", "01/03/2020", "02/01/2020"]).order).toBe("MDY");
  });
  it("says when it had to guess", () => {
    expect(detectDateOrder(["10/02/2018"])).toEqual({ order: "DMY", ambiguous: true });
    expect(detectDateOrder(["10/02/2018"], "MDY")).toEqual({ order: "MDY", ambiguous: true });
  });
  it("keeps the order that reads the most values, so the others can be reported", () => {
    expect(detectDateOrder(["2022-01-01", "baddate"]).order).toBe("YMD");
  });
});
