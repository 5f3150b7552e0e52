/**
 * Bytes to text. A BOM decides; otherwise strict UTF-8 when the bytes are valid UTF-8, else
 * Windows-1252 — the superset of Latin-1 that European bank exports actually use (their "ISO-8859-1"
 * files contain € and ’ at 0x80–0x9F). Line endings become "\n", so line numbers match what an
 * editor shows for CRLF and old-Mac CR files alike.
 */
import iconv from "iconv-lite";
import { z } from "zod";
import { ImportError } from "./import-error";

export const textEncoding = z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"]);
export type TextEncoding = z.infer<typeof textEncoding>;

function sniff(bytes: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "windows-1252", bom: 0 };
  }
}

export function decodeText(bytes: Uint8Array, forced?: TextEncoding): { text: string; encoding: TextEncoding } {
  const sniffed = sniff(bytes);
  const encoding = forced ?? sniffed.encoding;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(
    forced && forced !== sniffed.encoding ? 0 : sniffed.bom,
  );
  const text = iconv.decode(body, encoding === "windows-1252" ? "win1252" : encoding, { stripBOM: true });
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new ImportError(line, "this is not a text file (it contains NUL bytes); export CSV, OFX, QFX or QIF");
  }
  return { text: text.replace(/\r\n?/g, "\n"), encoding };
}
