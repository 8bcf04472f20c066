import { render } from "preact";
import { DocsApp } from "./DocsApp";

/** Entry of /assets/docs.js: the shell served at /docs has an empty #app. */
const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<DocsApp />, root);
}
