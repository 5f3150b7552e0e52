/**
 * Starts the local OpenAI-compatible server and names it as the app's LLM. Call it inside
 * vi.hoisted, before anything imports ~/server/env, which reads the environment once:
 *
 *   const llm = await vi.hoisted(async () => (await import("../local-llm-env")).startLocalLlmAsAppLlm());
 */
import { type LocalLlmServer, startLocalLlmServer } from "~/local-services/llm/local-llm-server";

export async function startLocalLlmAsAppLlm(settings: Record<string, string> = {}): Promise<LocalLlmServer> {
  const server = await startLocalLlmServer({ apiKey: "test-key" });
  Object.assign(process.env, {
    LLM_BASE_URL: server.url,
    LLM_API_KEY: "test-key",
    LLM_MODEL: "gpt-4o-mini",
    ...settings,
  });
  return server;
}
