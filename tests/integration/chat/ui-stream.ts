/** Reads an AI SDK UI message stream response (SSE `data: {...}` lines) into its chunks. */
export type Chunk = { type: string; [key: string]: unknown };

export async function readChunks(response: Response): Promise<Chunk[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Chunk);
}

export const textOf = (chunks: Chunk[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta as string)
    .join("");

export const userMessage = (text: string) => ({ role: "user" as const, parts: [{ type: "text" as const, text }] });
