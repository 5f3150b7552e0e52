/**
 * PDFKit's built-in Helvetica encodes text as Windows-1252 (WinAnsi): anything outside it would
 * come out as garbage glyphs. Such characters become "?" instead, and the thin spaces that Intl
 * puts in some locales' amounts become plain ones. Embedding a Unicode font would lift this, at
 * the price of shipping one in the image.
 */
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

export function pdfText(text: string): string {
  return text
    .replace(/[\u2009\u202F]/g, " ")
    .replace(/[^\x20-\x7E\xA0-\xFF\n]/g, (c) => (WIN_ANSI_EXTRAS.includes(c) ? c : "?"));
}
