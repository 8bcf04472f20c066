/**
 * The parts of an OpenAPI 3.1 document the docs page reads, and pure helpers
 * to walk it: grouping operations by tag and resolving `$ref`s.
 */

export type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
  nullable?: boolean;
};

export interface Parameter {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: Schema;
}

export interface MediaType {
  schema?: Schema;
  example?: unknown;
}

export interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    securitySchemes?: Record<
      string,
      { type: string; scheme?: string; description?: string; name?: string; in?: string }
    >;
  };
}

export const METHODS = ["get", "post", "put", "patch", "delete", "head", "options"] as const;

export interface OperationEntry {
  method: string;
  path: string;
  operation: Operation;
  /** A stable anchor for links: `post-v1-responses`. */
  anchor: string;
}

/** `post /v1/hooks/{workspace_id}/{source}` → `post-v1-hooks-workspace_id-source`. */
export function anchorFor(method: string, path: string): string {
  return `${method}-${path}`
    .replace(/[{}]/g, "")
    .replace(/[^\w-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/-$/, "");
}

/**
 * Operations grouped by their first tag, in the document's tag order and then
 * in order of appearance; untagged operations go under "Other".
 */
export function groupByTag(
  doc: OpenApiDocument,
): { tag: string; description?: string; operations: OperationEntry[] }[] {
  const groups = new Map<string, OperationEntry[]>();
  for (const t of doc.tags ?? []) groups.set(t.name, []);
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)?.push({ method, path, operation, anchor: anchorFor(method, path) });
    }
  }
  const described = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
  return [...groups.entries()]
    .filter(([, operations]) => operations.length > 0)
    .map(([tag, operations]) => ({ tag, description: described.get(tag), operations }));
}

/** The component a local `$ref` points at, with its name; null for anything else. */
export function resolveRef(doc: OpenApiDocument, ref: string): { name: string; schema: Schema } | null {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m?.[1]) return null;
  const name = decodeURIComponent(m[1]).replace(/~1/g, "/").replace(/~0/g, "~");
  const schema = doc.components?.schemas?.[name];
  return schema ? { name, schema } : null;
}

/** A schema's type as a short phrase: `string`, `integer | null`, `array of Error`, `"a" | "b"`. */
export function typeLabel(doc: OpenApiDocument, schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.$ref) return resolveRef(doc, schema.$ref)?.name ?? schema.$ref;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(doc, v)).join(" | ");
  if (schema.allOf) return schema.allOf.map((v) => typeLabel(doc, v)).join(" & ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const labels = types.map((t) => {
    if (t === "array") {
      if (schema.prefixItems) return `[${schema.prefixItems.map((p) => typeLabel(doc, p)).join(", ")}]`;
      return `array of ${typeLabel(doc, schema.items)}`;
    }
    if (t === "object" && !schema.properties && schema.additionalProperties && schema.additionalProperties !== true) {
      return `map of string → ${typeLabel(doc, schema.additionalProperties)}`;
    }
    return schema.format ? `${t} (${schema.format})` : t;
  });
  if (schema.nullable) labels.push("null");
  return labels.join(" | ") || (schema.properties ? "object" : "any");
}

/** The constraints worth telling a client: ranges, lengths, pattern, default. */
export function constraints(schema: Schema): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) out.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength !== undefined) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.minItems !== undefined) out.push(`min items ${schema.minItems}`);
  if (schema.maxItems !== undefined) out.push(`max items ${schema.maxItems}`);
  if (schema.pattern !== undefined) out.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.example !== undefined) out.push(`e.g. ${JSON.stringify(schema.example)}`);
  return out;
}

/**
 * The structure to show under a schema: its own properties, or those of the
 * object it wraps (array items, a nullable variant, a `$ref`).
 */
export function expandable(doc: OpenApiDocument, schema: Schema | undefined, seen: ReadonlySet<string> = new Set()) {
  let current = schema;
  const visited = new Set(seen);
  for (let i = 0; i < 8 && current; i++) {
    if (current.$ref) {
      if (visited.has(current.$ref)) return null;
      visited.add(current.$ref);
      current = resolveRef(doc, current.$ref)?.schema;
      continue;
    }
    if (current.properties) return { schema: current, seen: visited };
    if (current.items) {
      current = current.items;
      continue;
    }
    const variants = current.anyOf ?? current.oneOf;
    if (variants) {
      const objects = variants.filter((v) => v.$ref || v.properties || v.items);
      if (objects.length === 1) {
        current = objects[0];
        continue;
      }
      return { variants: objects, seen: visited };
    }
    if (current.additionalProperties && current.additionalProperties !== true) {
      current = current.additionalProperties;
      continue;
    }
    return null;
  }
  return null;
}
