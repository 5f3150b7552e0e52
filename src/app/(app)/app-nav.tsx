"use client";

import { ChevronDown, Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "~/lib/cn";

type NavLink = { href: string; label: string };

/** What people open every day stays in the bar; set-up pages wait under "More". */
const PRIMARY: NavLink[] = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/transactions", label: "Transactions" },
  { href: "/budgets", label: "Budgets" },
  { href: "/goals", label: "Goals" },
  { href: "/insights", label: "Insights" },
  { href: "/chat", label: "Ask" },
];
const SECONDARY: NavLink[] = [
  { href: "/banks", label: "Banks" },
  { href: "/import", label: "Import" },
  { href: "/rules", label: "Rules" },
  { href: "/notifications", label: "Notifications" },
  { href: "/settings", label: "Settings" },
];

const itemClass = cn(
  "rounded-md px-3 py-1.5 text-sm text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground",
  "focus-visible:ring-2 focus-visible:ring-ring",
  "aria-[current=page]:bg-accent aria-[current=page]:font-medium aria-[current=page]:text-foreground",
);

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/**
 * A button that shows a list of links below it: the disclosure pattern WAI-ARIA recommends for site
 * navigation (https://www.w3.org/WAI/ARIA/apg/patterns/disclosure/examples/disclosure-navigation/).
 * Arrow keys move between the links, Escape and a click elsewhere close it. Written here rather than
 * on Radix's dropdown menu, which with its positioning engine was 30 kB of every page's first script.
 */
function MenuOf({ links, pathname, trigger }: { links: NavLink[]; pathname: string; trigger: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Which link an arrow key that opened the list should focus: 1 the first, -1 the last.
  const focusOnOpen = useRef<1 | -1 | null>(null);
  const panelId = useId();
  const shownLinks = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>("li > a") ?? [])];

  useEffect(() => {
    if (!open) return;
    if (focusOnOpen.current)
      shownLinks()
        .at(focusOnOpen.current === 1 ? 0 : -1)
        ?.focus();
    focusOnOpen.current = null;
    const closeIfOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeIfOutside);
    return () => document.removeEventListener("pointerdown", closeIfOutside);
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    if (!open) {
      focusOnOpen.current = step;
      setOpen(true);
      return;
    }
    const items = shownLinks();
    const at = items.indexOf(document.activeElement as HTMLAnchorElement);
    const next = at === -1 ? (step === 1 ? 0 : items.length - 1) : (at + step + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={cn(itemClass, "inline-flex items-center gap-1 aria-expanded:bg-accent", {
          "bg-accent font-medium text-foreground": links.some((l) => isCurrent(pathname, l.href)),
        })}
      >
        {trigger}
      </button>
      {open && (
        <ul
          id={panelId}
          className="absolute left-0 top-full z-50 mt-1.5 flex min-w-44 flex-col gap-0.5 rounded-md border bg-card p-1 text-card-foreground shadow-md"
        >
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
                className={cn(itemClass, "block focus-visible:bg-accent focus-visible:text-accent-foreground")}
                onClick={() => setOpen(false)}
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-1">
      <div className="md:hidden">
        <MenuOf
          links={[...PRIMARY, ...SECONDARY]}
          pathname={pathname}
          trigger={
            <>
              <Menu className="size-4" aria-hidden /> Menu
            </>
          }
        />
      </div>
      <ul className="hidden items-center gap-1 md:flex">
        {PRIMARY.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
              className={cn(itemClass, "block")}
            >
              {link.label}
            </Link>
          </li>
        ))}
        <li>
          <MenuOf
            links={SECONDARY}
            pathname={pathname}
            trigger={
              <>
                More <ChevronDown className="size-3.5" aria-hidden />
              </>
            }
          />
        </li>
      </ul>
    </nav>
  );
}
