import { render } from "preact";
import { App } from "./App";

/** Entry of /assets/dashboard.js: the shell served at /dashboard has an empty #app. */
const root = document.getElementById("app");
if (root) {
  root.textContent = "";
  render(<App />, root);
}
