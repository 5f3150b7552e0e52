/**
 * OpenAI's Files and Batch APIs, in memory: upload a JSONL file of requests, create a batch,
 * poll it until `completed`, download the output (and error) file. Each line runs through the
 * same chat-completion logic as a direct call, so scripted replies apply in line order — when the
 * batch completes, not when it is created, so a test may queue replies after creating it.
 * https://platform.openai.com/docs/api-reference/batch
 * https://platform.openai.com/docs/api-reference/files
 */
import { z } from "zod";
import type { ChatCompletionRequest } from "./llm-script";

export type RunCompletion = (body: ChatCompletionRequest) => Promise<{ status: number; body: unknown }>;

type StoredFile = { id: string; filename: string; purpose: string; createdAt: number; content: string };

type BatchStatus = "validating" | "in_progress" | "finalizing" | "completed" | "failed" | "expired" | "cancelled";

type Batch = {
  id: string;
  inputFileId: string;
  endpoint: string;
  completionWindow: string;
  metadata: Record<string, string> | null;
  status: BatchStatus;
  createdAt: number;
  inProgressAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  expiredAt: number | null;
  cancelledAt: number | null;
  outputFileId: string | null;
  errorFileId: string | null;
  errors: { object: "list"; data: { code: string; message: string; line: number | null }[] } | null;
  counts: { total: number; completed: number; failed: number };
  polls: number;
};

const createBatchBody = z.object({
  input_file_id: z.string(),
  endpoint: z.string(),
  completion_window: z.string(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const batchLine = z.object({
  custom_id: z.string(),
  method: z.literal("POST"),
  url: z.string(),
  body: z.record(z.string(), z.unknown()),
});

const SUPPORTED_ENDPOINT = "/v1/chat/completions";
const now = () => Math.floor(Date.now() / 1000);

export class FilesAndBatches {
  private readonly files = new Map<string, StoredFile>();
  private readonly batches = new Map<string, Batch>();
  private counter = 0;
  private failNext: string | null = null;
  /** How many retrievals a batch takes to complete (0: it completes on creation). */
  pollsToComplete = 1;

  constructor(private readonly run: RunCompletion) {}

  /** The next batch created fails validation with this message, as OpenAI does for a bad input file. */
  failNextBatch(message: string) {
    this.failNext = message;
  }

  private nextId(prefix: string) {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(6, "0")}`;
  }

  addFile(filename: string, purpose: string, content: string) {
    const file = { id: this.nextId("file-local"), filename, purpose, createdAt: now(), content };
    this.files.set(file.id, file);
    return fileObject(file);
  }

  getFile(id: string) {
    const file = this.files.get(id);
    return file ? fileObject(file) : null;
  }

  fileContent(id: string): string | null {
    return this.files.get(id)?.content ?? null;
  }

  listFiles() {
    return { object: "list", data: [...this.files.values()].map(fileObject), has_more: false };
  }

  deleteFile(id: string) {
    return this.files.delete(id) ? { id, object: "file", deleted: true } : null;
  }

  async createBatch(raw: unknown): Promise<{ status: number; body: unknown }> {
    const parsed = createBatchBody.safeParse(raw);
    if (!parsed.success) return invalid(`Invalid batch request: ${parsed.error.issues[0]?.message ?? "bad body"}`);
    const input = parsed.data;
    if (!this.files.has(input.input_file_id)) return invalid(`No such File object: ${input.input_file_id}`, 404);
    if (input.endpoint !== SUPPORTED_ENDPOINT) return invalid(`Unsupported endpoint: ${input.endpoint}`);
    const batch: Batch = {
      id: this.nextId("batch_local"),
      inputFileId: input.input_file_id,
      endpoint: input.endpoint,
      completionWindow: input.completion_window,
      metadata: input.metadata ?? null,
      status: "validating",
      createdAt: now(),
      inProgressAt: null,
      completedAt: null,
      failedAt: null,
      expiredAt: null,
      cancelledAt: null,
      outputFileId: null,
      errorFileId: null,
      errors: null,
      counts: { total: 0, completed: 0, failed: 0 },
      polls: 0,
    };
    this.batches.set(batch.id, batch);
    if (this.failNext) {
      Object.assign(batch, {
        status: "failed",
        failedAt: now(),
        errors: { object: "list", data: [{ code: "invalid_request", message: this.failNext, line: null }] },
      });
      this.failNext = null;
    } else if (this.pollsToComplete <= 0) {
      await this.complete(batch);
    }
    return { status: 200, body: batchObject(batch) };
  }

  async retrieveBatch(id: string): Promise<{ status: number; body: unknown }> {
    const batch = this.batches.get(id);
    if (!batch) return invalid(`No such Batch object: ${id}`, 404);
    if (batch.status === "validating" || batch.status === "in_progress") {
      batch.polls += 1;
      if (batch.polls >= this.pollsToComplete) await this.complete(batch);
      else Object.assign(batch, { status: "in_progress", inProgressAt: batch.inProgressAt ?? now() });
    }
    return { status: 200, body: batchObject(batch) };
  }

  cancelBatch(id: string): { status: number; body: unknown } {
    const batch = this.batches.get(id);
    if (!batch) return invalid(`No such Batch object: ${id}`, 404);
    if (batch.status === "validating" || batch.status === "in_progress") {
      Object.assign(batch, { status: "cancelled", cancelledAt: now() });
    }
    return { status: 200, body: batchObject(batch) };
  }

  /** Ends a running batch as OpenAI does when its 24-hour window passes with requests left undone. */
  expireBatch(id: string) {
    const batch = this.batches.get(id);
    if (batch && (batch.status === "validating" || batch.status === "in_progress")) {
      Object.assign(batch, { status: "expired", expiredAt: now() });
    }
  }

  listBatches() {
    return { object: "list", data: [...this.batches.values()].map(batchObject), has_more: false };
  }

  private async complete(batch: Batch) {
    const lines = (this.files.get(batch.inputFileId)?.content ?? "").split("\n").filter((l) => l.trim());
    const output: string[] = [];
    const errors: string[] = [];
    for (const [index, text] of lines.entries()) {
      const request = parseLine(text);
      const id = this.nextId("batch_req_");
      if (!request.ok) {
        errors.push(
          JSON.stringify({
            id,
            custom_id: null,
            response: null,
            error: { code: "invalid_request", message: `line ${index + 1}: ${request.message}` },
          }),
        );
        continue;
      }
      const result = await this.run(request.line.body as ChatCompletionRequest);
      const record = JSON.stringify({
        id,
        custom_id: request.line.custom_id,
        response: { status_code: result.status, request_id: this.nextId("req_"), body: result.body },
        error: null,
      });
      (result.status === 200 ? output : errors).push(record);
    }
    const now_ = now();
    Object.assign(batch, {
      status: "completed",
      inProgressAt: batch.inProgressAt ?? now_,
      completedAt: now_,
      counts: { total: lines.length, completed: output.length, failed: errors.length },
      outputFileId: output.length
        ? this.addFile(`${batch.id}_output.jsonl`, "batch_output", output.join("\n") + "\n").id
        : null,
      errorFileId: errors.length
        ? this.addFile(`${batch.id}_error.jsonl`, "batch_output", errors.join("\n") + "\n").id
        : null,
    });
  }
}

function parseLine(text: string): { ok: true; line: z.infer<typeof batchLine> } | { ok: false; message: string } {
  try {
    const parsed = batchLine.safeParse(JSON.parse(text));
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "invalid line" };
    if (parsed.data.url !== SUPPORTED_ENDPOINT) return { ok: false, message: `unsupported url ${parsed.data.url}` };
    return { ok: true, line: parsed.data };
  } catch {
    return { ok: false, message: "not valid JSON" };
  }
}

function invalid(message: string, status = 400) {
  return { status, body: { error: { message, type: "invalid_request_error", param: null, code: null } } };
}

function fileObject(file: StoredFile) {
  return {
    id: file.id,
    object: "file",
    bytes: Buffer.byteLength(file.content),
    created_at: file.createdAt,
    filename: file.filename,
    purpose: file.purpose,
    status: "processed",
    status_details: null,
  };
}

function batchObject(batch: Batch) {
  return {
    id: batch.id,
    object: "batch",
    endpoint: batch.endpoint,
    errors: batch.errors,
    input_file_id: batch.inputFileId,
    completion_window: batch.completionWindow,
    status: batch.status,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    created_at: batch.createdAt,
    in_progress_at: batch.inProgressAt,
    expires_at: batch.createdAt + 24 * 3600,
    finalizing_at: batch.completedAt,
    completed_at: batch.completedAt,
    failed_at: batch.failedAt,
    expired_at: batch.expiredAt,
    cancelling_at: batch.cancelledAt,
    cancelled_at: batch.cancelledAt,
    request_counts: batch.counts,
    metadata: batch.metadata,
  };
}
