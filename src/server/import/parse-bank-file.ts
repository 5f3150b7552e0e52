/**
 * Entry point for every bank file: picks the format from the content (the name only breaks a tie)
 * and returns the normalized ParsedFile, or throws an ImportError naming the line.
 */
import { parseCsv } from "./csv/parse-csv";
import { ImportError } from "./import-error";
import { parseOfx } from "./ofx/parse-ofx";
import { type FileFormat, type ParsedFile, type ParseOptions, parseOptions } from "./parsed-file";
import { parseQif } from "./qif/parse-qif";

const MAX_BYTES = 50 * 1024 * 1024;

/** OFX starts with its SGML header or an XML prolog and an <OFX> element; QIF with a "!Type:" or "!Account" line. */
export function detectFormat(bytes: Uint8Array, fileName?: string): FileFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart();
  const extension = fileName?.toLowerCase().match(/\.(\w+)$/)?.[1];
  if (/^OFXHEADER\s*:/i.test(head) || /<\?OFX\b/i.test(head) || /^(<\?xml[^>]*>\s*)?<OFX>/i.test(head)) {
    return extension === "qfx" ? "qfx" : "ofx";
  }
  if (/^(#[^\n]*\n\s*)*(\^\s*\n\s*)?!(Type|Account|Option|Clear)\b/i.test(head)) return "qif";
  if (extension === "qif" && head === "") return "qif";
  return "csv";
}

export function parseBankFile(bytes: Uint8Array, rawOptions: ParseOptions = {}): ParsedFile {
  const options = parseOptions.parse(rawOptions);
  if (bytes.byteLength === 0) throw new ImportError(1, "the file is empty");
  if (bytes.byteLength > MAX_BYTES) throw new ImportError(1, `the file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const format = options.format ?? detectFormat(bytes, options.fileName);
  switch (format) {
    case "csv":
      return parseCsv(bytes, options);
    case "ofx":
    case "qfx":
      return { ...parseOfx(bytes, options), format };
    case "qif":
      return parseQif(bytes, options);
    default: {
      const unknown: never = format;
      throw new Error(`unknown format ${String(unknown)}`);
    }
  }
}
