/**
 * Query strings carry only text; the tRPC schemas want numbers, booleans and arrays. The JSON
 * Schema of the same zod schema says which key is which, so the conversion is not written twice.
 */
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

function typesOf(schema: JsonSchema | undefined): Set<string> {
  if (!schema) return new Set();
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return new Set([...own, ...(schema.anyOf ?? []).flatMap((s) => [...typesOf(s)])]);
}

function convert(value: string, types: Set<string>): unknown {
  if ((types.has("integer") || types.has("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
  if (types.has("null") && value === "null") return null;
  return value;
}

export function queryToInput(search: URLSearchParams, schema: z.ZodType): Record<string, unknown> {
  const properties = (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema).properties ?? {};
  const input: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    const property = properties[key];
    const types = typesOf(property);
    const values = search.getAll(key);
    const items = property?.items ?? property?.anyOf?.find((s) => s.items)?.items;
    input[key] = types.has("array") ? values.map((v) => convert(v, typesOf(items))) : convert(values.at(-1)!, types);
  }
  return input;
}
