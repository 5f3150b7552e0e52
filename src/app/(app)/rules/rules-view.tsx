"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, ListFilter, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardContent } from "~/components/ui/card";
import { useCategories } from "~/lib/categories/use-categories";
import { useTRPC } from "~/lib/trpc/react";
import type { RouterOutputs } from "~/lib/trpc/types";
import { describeCondition } from "./describe-condition";
import { RuleEditor } from "./rule-editor";

type Rule = RouterOutputs["rules"]["list"][number];

export function RulesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: rules } = useSuspenseQuery(trpc.rules.list.queryOptions());
  const { label } = useCategories();
  const [editing, setEditing] = useState<Rule | "new" | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.rules.pathKey() });
  const reorder = useMutation(trpc.rules.reorder.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.rules.delete.mutationOptions({ onSuccess: invalidate }));

  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate({ ids });
  };

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden /> New rule
        </Button>
      </div>
      {rules.length === 0 ? (
        <Card>
          <CardContent className="flex flex-col items-center gap-2 py-12 text-center text-sm text-muted-foreground">
            <ListFilter className="size-8" aria-hidden />
            <p>
              No rules yet. A rule like “description contains NETFLIX → Entertainment” saves you from fixing the same
              thing twice.
            </p>
          </CardContent>
        </Card>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Rules in the order they apply">
          {rules.map((rule, index) => (
            <li key={rule.id}>
              <Card>
                <CardContent className="flex flex-wrap items-start gap-4 pt-5">
                  <span className="mt-0.5 text-sm font-semibold text-muted-foreground">{index + 1}.</span>
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      {rule.name} {!rule.enabled && <Badge variant="outline">Off</Badge>}
                    </p>
                    <p className="text-sm text-muted-foreground">
                      When {rule.conditions.match === "all" ? "all" : "any"} of:{" "}
                      {rule.conditions.conditions.map(describeCondition).join("; ")}
                    </p>
                    <p className="text-sm">
                      Then{" "}
                      {[
                        rule.actions.setCategory && `categorize as ${label(rule.actions.setCategory)}`,
                        rule.actions.setMerchantName && `rename to “${rule.actions.setMerchantName}”`,
                        rule.actions.addTags?.length && `tag ${rule.actions.addTags.join(", ")}`,
                      ]
                        .filter(Boolean)
                        .join(", ")}
                    </p>
                  </div>
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Move ${rule.name} up`}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(index, -1)}
                    >
                      <ArrowUp />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Move ${rule.name} down`}
                      disabled={index === rules.length - 1 || reorder.isPending}
                      onClick={() => move(index, 1)}
                    >
                      <ArrowDown />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Edit ${rule.name}`}
                      onClick={() => setEditing(rule)}
                    >
                      <Pencil />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Delete ${rule.name}`}
                      onClick={() =>
                        window.confirm(`Delete the rule “${rule.name}”?`) && remove.mutate({ id: rule.id })
                      }
                    >
                      <Trash2 />
                    </Button>
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {editing && <RuleEditor rule={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
