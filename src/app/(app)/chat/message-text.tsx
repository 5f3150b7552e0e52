import Link from "next/link";
import { Fragment } from "react";

const LINK = /\[([^\]]+)\]\((\/[^)\s]*)\)/g;

/**
 * An answer's text with its line breaks and its Markdown links to pages of the app
 * ("[See the transactions](/transactions?…)"). Only links to the app's own paths become links,
 * so a model cannot put an outside link in front of the user.
 */
export function MessageText({ text }: { text: string }) {
  const pieces: (string | { label: string; href: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const href = match[2]!;
    if (href.startsWith("//")) continue;
    pieces.push(text.slice(last, match.index), { label: match[1]!, href });
    last = match.index! + match[0].length;
  }
  pieces.push(text.slice(last));
  return (
    <p className="whitespace-pre-wrap leading-relaxed">
      {pieces.map((piece, i) =>
        typeof piece === "string" ? (
          <Fragment key={i}>{piece}</Fragment>
        ) : (
          <Link key={i} href={piece.href} className="font-medium text-primary underline-offset-4 hover:underline">
            {piece.label}
          </Link>
        ),
      )}
    </p>
  );
}
