/**
 * "Continue with Google" exists only when both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are set:
 * the provider list next-auth serves, and the flag the sign-in page reads, follow the settings.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

async function offered(settings: Record<string, string>) {
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  vi.resetModules();
  const { authOptionsFor } = await import("~/server/auth/options");
  const { googleSignInEnabled } = await import("~/server/auth/google-sign-in");
  const providers = authOptionsFor({ ipAddress: null, userAgent: null }).providers;
  return {
    google: providers.some((p) => p.id === "google"),
    providers: providers.length,
    button: googleSignInEnabled(),
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("Google sign-in", () => {
  it("is hidden without the Google settings, or with only one of them", async () => {
    for (const settings of [
      { GOOGLE_CLIENT_ID: "", GOOGLE_CLIENT_SECRET: "" },
      { GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "" },
      { GOOGLE_CLIENT_ID: "", GOOGLE_CLIENT_SECRET: "secret" },
    ]) {
      expect(await offered(settings)).toEqual({ google: false, providers: 2, button: false });
    }
  });

  it("is offered when both are set", async () => {
    expect(
      await offered({ GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com", GOOGLE_CLIENT_SECRET: "secret" }),
    ).toEqual({ google: true, providers: 3, button: true });
  });
});
