import { useState } from "preact/hooks";
import { useLocale } from "./locale-context";

/**
 * The API-key form. The key goes to sessionStorage only once the server has
 * accepted it; a refused key leaves an error next to the field and no figures.
 */
export function SignIn(props: { error: string | null; busy: boolean; onSubmit: (key: string) => void }) {
  const { t } = useLocale();
  const [key, setKey] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const error = localError ?? props.error;
  return (
    <section class="signin" aria-labelledby="signin-title">
      <h2 id="signin-title">{t("signInTitle")}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = key.trim();
          if (!trimmed) {
            setLocalError(t("errEmptyKey"));
            return;
          }
          setLocalError(null);
          props.onSubmit(trimmed);
        }}
        noValidate
      >
        <label for="api-key">{t("keyLabel")}</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
          aria-describedby={error ? "api-key-help api-key-error" : "api-key-help"}
          aria-invalid={error ? "true" : undefined}
        />
        <p id="api-key-help" class="help">
          {t("keyHelp")}
        </p>
        <p id="api-key-error" class="error" role="alert">
          {error ?? ""}
        </p>
        <button type="submit" class="primary" disabled={props.busy}>
          {props.busy ? t("checking") : t("signIn")}
        </button>
      </form>
    </section>
  );
}
