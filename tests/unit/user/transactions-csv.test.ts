import { describe, expect, it } from "vitest";
import { csvCell } from "~/server/user/transactions-csv";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvCell('Joe\'s "Bar", Inc')).toBe('"Joe\'s ""Bar"", Inc"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-2+3")).toBe("'-2+3");
  });

  it("leaves amounts as numbers", () => {
    expect(csvCell("-12.34", { numeric: true })).toBe("-12.34");
  });
});
