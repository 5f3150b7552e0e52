/**
 * The smallest value that satisfies a JSON Schema, chosen deterministically: the default answer
 * of the local LLM to a `response_format: json_schema` request. Covers the subset that OpenAI's
 * structured outputs accept (objects, arrays, enums, const, anyOf, $ref to $defs, nullable types).
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  $defs?: Record<string, Schema>;
  definitions?: Record<string, Schema>;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  format?: string;
  default?: unknown;
};

const MAX_DEPTH = 20;

export function exampleFromSchema(schema: unknown): unknown {
  const root = (schema ?? {}) as Schema;
  return build(root, root, 0);
}

function resolveRef(root: Schema, ref: string): Schema {
  const path = ref.replace(/^#\//, "").split("/");
  let node: unknown = root;
  for (const segment of path) node = (node as Record<string, unknown> | undefined)?.[segment];
  return (node ?? {}) as Schema;
}

function build(schema: Schema, root: Schema, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (schema.$ref) return build(resolveRef(root, schema.$ref), root, depth + 1);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (alternative) return build(alternative, root, depth + 1);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => build(s, root, depth + 1)));

  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const type = types.find((t) => t !== "null") ?? (types.includes("null") ? "null" : inferType(schema));
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, build(value, root, depth + 1)]),
      );
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => build(schema.items ?? {}, root, depth + 1));
    case "string":
      return exampleString(schema);
    case "integer":
      return Math.ceil(closestToZero(schema));
    case "number":
      return closestToZero(schema);
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** Zero when the bounds allow it (zod's int() declares ±MAX_SAFE_INTEGER bounds), else the nearest bound. */
function closestToZero(schema: Schema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -Infinity);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Infinity);
  return Math.min(Math.max(0, low), high);
}

function inferType(schema: Schema): string {
  if (schema.properties) return "object";
  if (schema.items) return "array";
  return "null";
}

function exampleString(schema: Schema): string {
  if (schema.format === "date") return "2000-01-01";
  if (schema.format === "date-time") return "2000-01-01T00:00:00Z";
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "email") return "someone@example.com";
  return "x".repeat(schema.minLength ?? 0);
}
