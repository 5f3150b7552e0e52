import { describe, expect, it } from "vitest";
import { delayAfterFailures } from "~/server/security/sign-in-throttle";
import { retryAfterOf } from "~/server/auth/sign-in-errors";

describe("growing sign-in delays", () => {
  it("costs nothing for the first free failures, then doubles with each one", () => {
    const delays = Array.from({ length: 10 }, (_, i) => delayAfterFailures(i + 1, 5));
    expect(delays).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16]);
  });

  it("stops growing at fifteen minutes", () => {
    expect(delayAfterFailures(40, 5)).toBe(900);
    expect(delayAfterFailures(5000, 5)).toBe(900);
  });

  it("tells the form how long to wait from the error next-auth passes back", () => {
    expect(retryAfterOf("RateLimited:8")).toBe(8);
    expect(retryAfterOf("CredentialsSignin")).toBeNull();
    expect(retryAfterOf(null)).toBeNull();
  });
});
