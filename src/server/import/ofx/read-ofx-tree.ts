/**
 * OFX 1.x (SGML) and 2.x (XML) into one element tree with line numbers. In SGML a leaf element
 * ("<TRNAMT>-12.34") is never closed, and many banks' "XML" files do the same, so a single tolerant
 * reader serves both: an element that received text is a leaf and ends at the next tag; aggregates
 * must be closed. Anything that breaks that structure — a stray closing tag, an aggregate never
 * closed (a truncated file), text where only elements may be — rejects the file at its line.
 * Written here because the npm OFX parsers regex-rewrite SGML into XML and lose line numbers.
 */
import { ImportError, quote } from "../import-error";

export type OfxElement = { name: string; line: number; text: string | null; children: OfxElement[] };

const TOKEN = /<(\/?)([A-Za-z][\w.:-]*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
// Real statements nest about ten deep; a limit keeps a corrupted file from exhausting the stack.
const MAX_DEPTH = 64;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The SGML header ("OFXHEADER:100", "DATA:OFXSGML" …) or XML prolog before <OFX>; checked, then skipped. */
function bodyStart(text: string): number {
  const start = text.search(/<OFX>/i);
  if (start < 0) throw new ImportError(1, "no <OFX> element: this is not an OFX file");
  const header = text.slice(0, start).replace(/<\?[\s\S]*?\?>/g, "");
  header.split("\n").forEach((line, index) => {
    if (line.trim() && !/^\s*[A-Z0-9.]+\s*:/i.test(line)) {
      throw new ImportError(index + 1, `${quote(line.trim())} is not an OFX header line`);
    }
  });
  return start;
}

export function readOfxTree(text: string): OfxElement {
  const start = bodyStart(text);
  let line = 1 + (text.slice(0, start).match(/\n/g)?.length ?? 0);
  let position = start;
  const root: OfxElement = { name: "#document", line: 1, text: null, children: [] };
  const stack: OfxElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  let closedRoot = false;

  const advance = (chunk: string) => {
    for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) line++;
  };
  const closeLeafOnTop = () => {
    const current = top();
    if (current !== root && current.text !== null && current.children.length === 0) stack.pop();
  };
  const addText = (raw: string, verbatim = false) => {
    const value = raw.trim();
    if (!value) return;
    const current = top();
    if (current === root || current.children.length > 0 || closedRoot) {
      const where = current === root ? "outside <OFX>" : `inside <${current.name}>`;
      throw new ImportError(
        line + (raw.slice(0, raw.indexOf(value[0]!)).match(/\n/g)?.length ?? 0),
        `unexpected text ${quote(value)} ${where}`,
      );
    }
    current.text = (current.text ?? "") + (verbatim ? value : decodeEntities(value));
  };
  const close = (name: string) => {
    const at = stack.findLastIndex((e, i) => i > 0 && e.name === name);
    if (at < 0) throw new ImportError(line, `</${name}> closes an element that is not open`);
    while (stack.length > at + 1) {
      // Never closed: an SGML leaf. If it swallowed following siblings (an empty leaf), give them back.
      const unclosed = stack.pop()!;
      const parent = top();
      if (unclosed.children.length > 0) parent.children.push(...unclosed.children.splice(0));
    }
    stack.pop();
    if (name === "OFX" && stack.length === 1) closedRoot = true;
  };

  for (const match of text.slice(start).matchAll(TOKEN)) {
    const index = start + match.index;
    const between = text.slice(position, index);
    addText(between);
    advance(between);
    position = index + match[0].length;
    const [whole, slash, rawName, selfClosing, cdata] = match;
    if (cdata !== undefined) addText(cdata, true);
    if (rawName) {
      const name = rawName.toUpperCase();
      if (closedRoot) throw new ImportError(line, `<${slash}${name}> after the end of <OFX>`);
      if (slash) {
        close(name);
      } else {
        closeLeafOnTop();
        const element: OfxElement = { name, line, text: null, children: [] };
        top().children.push(element);
        if (selfClosing) element.text = "";
        else stack.push(element);
        if (stack.length > MAX_DEPTH) throw new ImportError(line, `elements nested deeper than ${MAX_DEPTH} levels`);
      }
    }
    advance(whole);
  }
  addText(text.slice(position));
  // Name the innermost aggregate left open: that is where the file was cut.
  for (const open of stack.slice(1).reverse()) {
    if (open.children.length > 0 || open.name === "OFX") {
      throw new ImportError(open.line, `<${open.name}> is never closed (the file ends first)`);
    }
  }
  return root.children[0]!;
}

export function child(element: OfxElement, name: string): OfxElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childText(element: OfxElement, name: string): string | null {
  const text = child(element, name)?.text?.trim();
  return text ? text : null;
}

/** Every descendant named `name`, in document order. */
export function descendants(element: OfxElement, name: string): OfxElement[] {
  const found: OfxElement[] = [];
  const pending = [...element.children].reverse();
  while (pending.length) {
    const next = pending.pop()!;
    if (next.name === name) found.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
  return found;
}
