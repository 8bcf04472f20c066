import { constraints, expandable, type OpenApiDocument, type Schema, typeLabel } from "./openapi";

/**
 * A schema as a nested list of fields: name, type, whether it is required,
 * the description and the constraints. Recursion stops at a `$ref` already
 * being shown, so self-referencing schemas stay finite.
 */
export function SchemaView(props: {
  doc: OpenApiDocument;
  schema: Schema | undefined;
  seen?: ReadonlySet<string>;
  depth?: number;
}) {
  const { doc } = props;
  const depth = props.depth ?? 0;
  const inner = expandable(doc, props.schema, props.seen);
  if (!inner || depth > 6) return null;
  if ("variants" in inner && inner.variants) {
    return (
      <ul class="schema">
        {inner.variants.map((variant, i) => (
          <li key={i}>
            <span class="type">{typeLabel(doc, variant)}</span>
            <SchemaView doc={doc} schema={variant} seen={inner.seen} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  const object = inner.schema as Schema;
  const required = new Set(object.required ?? []);
  return (
    <ul class="schema">
      {Object.entries(object.properties ?? {}).map(([name, field]) => {
        const notes = constraints(field);
        return (
          <li key={name}>
            <code>{name}</code> <span class="type">{typeLabel(doc, field)}</span>
            {required.has(name) ? <span class="required"> required</span> : null}
            {field.description ? <span class="desc"> — {field.description}</span> : null}
            {notes.length ? <span class="desc"> ({notes.join(", ")})</span> : null}
            <SchemaView doc={doc} schema={field} seen={inner.seen} depth={depth + 1} />
          </li>
        );
      })}
    </ul>
  );
}
