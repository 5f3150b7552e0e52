"use client";

import { ChevronDown, Menu } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu } from "radix-ui";
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
  "focus-visible:ring-2 focus-visible:ring-ring data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground",
  "aria-[current=page]:bg-accent aria-[current=page]:font-medium aria-[current=page]:text-foreground",
);

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

function MenuOf({ links, pathname, trigger }: { links: NavLink[]; pathname: string; trigger: React.ReactNode }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={cn(itemClass, "inline-flex items-center gap-1 data-[state=open]:bg-accent", {
          "bg-accent font-medium text-foreground": links.some((l) => isCurrent(pathname, l.href)),
        })}
      >
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 flex min-w-44 flex-col gap-0.5 rounded-md border bg-card p-1 text-card-foreground shadow-md"
        >
          {links.map((link) => (
            <DropdownMenu.Item key={link.href} asChild>
              <Link
                href={link.href}
                aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
                className={cn(itemClass, "block")}
              >
                {link.label}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
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
