import { FileUp, Landmark, PiggyBank } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { CONNECT_BANK, CREATE_BUDGET, IMPORT_FILE } from "./next-steps";

const STEPS = [
  { ...CONNECT_BANK, icon: Landmark, why: "Transactions arrive by themselves and stay up to date." },
  { ...IMPORT_FILE, icon: FileUp, why: "Or bring a CSV, OFX, QIF or Excel export from your bank." },
  { ...CREATE_BUDGET, icon: PiggyBank, why: "Pick a category and a monthly limit; you are warned before it runs out." },
];

/** For someone with nothing connected yet: the first three things worth doing, in order. */
export function GetStarted() {
  return (
    <Card data-testid="get-started">
      <CardHeader>
        <CardTitle>Get started</CardTitle>
        <CardDescription>Three steps to a dashboard that fills itself in.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3 sm:grid-cols-3">
          {STEPS.map(({ href, label, icon: Icon, why }, i) => (
            <li key={href}>
              <Link
                href={href}
                className="flex h-full gap-3 rounded-md border p-3 hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <Icon className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden />
                <span className="flex flex-col gap-1">
                  <span className="text-sm font-medium">
                    {i + 1}. {label}
                  </span>
                  <span className="text-xs text-muted-foreground">{why}</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
