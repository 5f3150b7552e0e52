/** A generated file as an HTTP download: never cached, always an attachment. */
export type DownloadFile = { body: ReadableStream<Uint8Array> | Uint8Array; contentType: string; fileName: string };

export function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
