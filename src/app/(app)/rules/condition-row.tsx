"use client";

import { Input } from "~/components/ui/input";
import { NativeSelect } from "~/components/ui/native-select";
import type { RuleCondition } from "~/server/categorize/rule-schema";

const FIELDS = {
  description: "Description",
  merchant: "Merchant",
  amount: "Amount",
  account: "Account",
  direction: "Direction",
} as const;

function blank(field: RuleCondition["field"], accounts: { id: string }[]): RuleCondition {
  switch (field) {
    case "description":
    case "merchant":
      return { field, operator: "contains", value: "" };
    case "amount":
      return { field, min: undefined, max: undefined };
    case "account":
      return { field, accountId: accounts[0]?.id ?? "" };
    case "direction":
      return { field, value: "DEBIT" };
  }
}

type Props = {
  condition: RuleCondition;
  accounts: { id: string; name: string }[];
  onChange: (condition: RuleCondition) => void;
};

export function ConditionRow({ condition, accounts, onChange }: Props) {
  return (
    <div className="flex flex-1 flex-wrap gap-2">
      <NativeSelect
        aria-label="Field"
        value={condition.field}
        className="w-36"
        onChange={(e) => onChange(blank(e.target.value as RuleCondition["field"], accounts))}
      >
        {Object.entries(FIELDS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
      {(condition.field === "description" || condition.field === "merchant") && (
        <>
          <NativeSelect
            aria-label="Operator"
            value={condition.operator}
            className="w-36"
            onChange={(e) => onChange({ ...condition, operator: e.target.value as typeof condition.operator })}
          >
            <option value="contains">contains</option>
            <option value="startsWith">starts with</option>
            <option value="equals">is exactly</option>
            <option value="regex">matches regex</option>
          </NativeSelect>
          <Input
            aria-label="Text"
            className="min-w-40 flex-1"
            value={condition.value}
            onChange={(e) => onChange({ ...condition, value: e.target.value })}
          />
        </>
      )}
      {condition.field === "amount" && (
        <>
          <Input
            aria-label="At least"
            inputMode="decimal"
            placeholder="at least"
            className="w-32"
            value={condition.min ?? ""}
            onChange={(e) => onChange({ ...condition, min: e.target.value || undefined })}
          />
          <Input
            aria-label="At most"
            inputMode="decimal"
            placeholder="at most"
            className="w-32"
            value={condition.max ?? ""}
            onChange={(e) => onChange({ ...condition, max: e.target.value || undefined })}
          />
        </>
      )}
      {condition.field === "account" && (
        <NativeSelect
          aria-label="Account"
          value={condition.accountId}
          className="min-w-40 flex-1"
          onChange={(e) => onChange({ ...condition, accountId: e.target.value })}
        >
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </NativeSelect>
      )}
      {condition.field === "direction" && (
        <NativeSelect
          aria-label="Direction"
          value={condition.value}
          className="w-36"
          onChange={(e) => onChange({ ...condition, value: e.target.value as "DEBIT" | "CREDIT" })}
        >
          <option value="DEBIT">money out</option>
          <option value="CREDIT">money in</option>
        </NativeSelect>
      )}
    </div>
  );
}
