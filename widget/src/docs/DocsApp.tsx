import { useEffect, useState } from "preact/hooks";
import { OperationView } from "./OperationView";
import { groupByTag, type OpenApiDocument } from "./openapi";

const slug = (tag: string) => `tag-${tag.toLowerCase().replace(/[^\w]+/g, "-")}`;

/**
 * The API reference, rendered from this server's own `/openapi.json`: one
 * section per tag, one card per route. A compact alternative to swagger-ui
 * (which alone would weigh more than the whole Worker).
 */
export function DocsApp(props: { url?: string }) {
  const url = props.url ?? "/openapi.json";
  const [doc, setDoc] = useState<OpenApiDocument | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetch(url, { headers: { accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`${res.status} ${res.statusText}`))))
      .then((json: OpenApiDocument) => setDoc(json))
      .catch((e: Error) => setError(e.message));
  }, [url]);

  useEffect(() => {
    // Anchors in the address bar work once the sections exist.
    if (doc && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [doc]);

  if (error) {
    return (
      <main id="main" class="docs">
        <h1>API reference</h1>
        <p class="error" role="alert">
          Could not load {url}: {error}
        </p>
      </main>
    );
  }
  if (!doc) {
    return (
      <main id="main" class="docs">
        <h1>API reference</h1>
        <p role="status">Loading…</p>
      </main>
    );
  }
  const groups = groupByTag(doc);
  const server = doc.servers?.[0]?.url ?? window.location.origin;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to the reference
      </a>
      <header class="topbar">
        <p class="brand">
          <span class="logo" aria-hidden="true" />
          Aftercare
        </p>
        <h1>
          {doc.info.title} <span class="meta">v{doc.info.version}</span>
        </h1>
        <div class="topbar-actions">
          <a href="/dashboard">Dashboard</a>
        </div>
      </header>
      <div class="docs-layout">
        <nav class="docs-nav" aria-label="API sections">
          <ul>
            {groups.map((g) => (
              <li key={g.tag}>
                <a href={`#${slug(g.tag)}`}>{g.tag}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" class="docs" tabIndex={-1}>
          {doc.info.description ? <p>{doc.info.description}</p> : null}
          <p>
            Base URL <code>{server}</code>. The machine-readable document is{" "}
            <a href={url}>
              <code>{url}</code>
            </a>{" "}
            (OpenAPI {doc.openapi}). Send JSON bodies as <code>application/json</code>; every error is{" "}
            <code>{'{"error": {"code", "message", "details"?}}'}</code>.
          </p>
          <pre>
            <code>{`curl ${server}/v1/scores?metric=nps -H "Authorization: Bearer $API_KEY"`}</code>
          </pre>
          {groups.map((g) => (
            <section key={g.tag} class="tag" id={slug(g.tag)} aria-labelledby={`${slug(g.tag)}-title`}>
              <h2 id={`${slug(g.tag)}-title`}>{g.tag}</h2>
              {g.description ? <p>{g.description}</p> : null}
              {g.operations.map((entry) => (
                <OperationView key={entry.anchor} doc={doc} entry={entry} />
              ))}
            </section>
          ))}
        </main>
      </div>
    </>
  );
}
