import { constraints, type OpenApiDocument, type OperationEntry, typeLabel } from "./openapi";
import { SchemaView } from "./SchemaView";

/** How a route authenticates, in words, from its `security` and the document's schemes. */
function securityText(doc: OpenApiDocument, entry: OperationEntry): string {
  const requirements = entry.operation.security ?? [];
  if (requirements.length === 0) return "None: public route (see the description for what authenticates it).";
  return requirements
    .flatMap((r) => Object.keys(r))
    .map((name) => {
      const scheme = doc.components?.securitySchemes?.[name];
      const how =
        scheme?.type === "http" && scheme.scheme === "bearer" ? "Authorization: Bearer" : (scheme?.type ?? "");
      return `${scheme?.description ?? name} (${how})`;
    })
    .join(" or ");
}

/** One route: method, path, summary, description, security, parameters, body and responses. */
export function OperationView(props: { doc: OpenApiDocument; entry: OperationEntry }) {
  const { doc, entry } = props;
  const op = entry.operation;
  const parameters = op.parameters ?? [];
  const body = op.requestBody?.content ? Object.entries(op.requestBody.content) : [];
  return (
    <article class="operation" id={entry.anchor} aria-labelledby={`${entry.anchor}-title`}>
      <h3 id={`${entry.anchor}-title`}>
        <span class={`method ${entry.method}`}>{entry.method.toUpperCase()}</span>{" "}
        <span class="path">{entry.path}</span>
      </h3>
      {op.summary ? <p>{op.summary}</p> : null}
      {op.description ? <p class="desc">{op.description}</p> : null}
      <p>
        <strong>Security:</strong> {securityText(doc, entry)}
      </p>
      {parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">In</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`}>
                    <th scope="row">
                      <code>{p.name}</code>
                      {p.required ? <span class="required"> required</span> : null}
                    </th>
                    <td>{p.in}</td>
                    <td>
                      <span class="type">{typeLabel(doc, p.schema)}</span>
                    </td>
                    <td>
                      {p.description ?? p.schema?.description ?? ""}
                      {p.schema && constraints(p.schema).length ? (
                        <span class="desc"> ({constraints(p.schema).join(", ")})</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {body.map(([mime, media]) => (
        <div key={mime}>
          <h4>
            Request body <code>{mime}</code>
            {op.requestBody?.required ? <span class="required"> required</span> : null}
          </h4>
          <p>
            <span class="type">{typeLabel(doc, media.schema)}</span>
          </p>
          <SchemaView doc={doc} schema={media.schema} />
        </div>
      ))}
      <h4>Responses</h4>
      {Object.entries(op.responses ?? {}).map(([status, response]) => {
        const contents = Object.entries(response.content ?? {});
        return (
          <details key={status}>
            <summary>
              <code>{status}</code> {response.description ?? ""}
            </summary>
            {contents.length === 0 ? <p class="desc">No body.</p> : null}
            {contents.map(([mime, media]) => (
              <div key={mime}>
                <p>
                  <code>{mime}</code> <span class="type">{typeLabel(doc, media.schema)}</span>
                </p>
                <SchemaView doc={doc} schema={media.schema} />
              </div>
            ))}
          </details>
        );
      })}
    </article>
  );
}
