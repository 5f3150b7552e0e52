import { z } from "zod";
import { describe, expect, it } from "vitest";
import { matchPath } from "~/server/rest/rest-endpoint";
import { queryToInput } from "~/server/rest/query-params";
import { listTransactionsInput } from "~/server/transaction/list-transactions";

describe("matchPath", () => {
  it("captures path parameters and refuses other shapes", () => {
    expect(matchPath("/transactions/{id}", "/transactions/abc")).toEqual({ id: "abc" });
    expect(matchPath("/transactions/{id}/notes", "/transactions/abc/notes")).toEqual({ id: "abc" });
    expect(matchPath("/transactions/{id}", "/transactions")).toBeNull();
    expect(matchPath("/transactions", "/accounts")).toBeNull();
  });
});

describe("queryToInput", () => {
  it("turns query text into the types the tRPC schema expects", () => {
    const search = new URLSearchParams("limit=20&direction=DEBIT&search=coffee&from=2026-03-01");
    const input = listTransactionsInput.parse(queryToInput(search, listTransactionsInput));
    expect(input).toEqual({ limit: 20, direction: "DEBIT", search: "coffee", from: "2026-03-01" });
  });

  it("keeps a number-looking text field as text, and repeats as arrays", () => {
    const schema = z.object({ search: z.string(), tags: z.array(z.string()), on: z.boolean().optional() });
    const input = queryToInput(new URLSearchParams("search=123&tags=a&tags=b&on=true"), schema);
    expect(input).toEqual({ search: "123", tags: ["a", "b"], on: true });
  });

  it("lets the schema refuse what does not fit", () => {
    const parsed = listTransactionsInput.safeParse(
      queryToInput(new URLSearchParams("limit=lots"), listTransactionsInput),
    );
    expect(parsed.success).toBe(false);
  });
});
