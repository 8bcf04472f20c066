import type { ComponentChildren } from "preact";
import type { Locale } from "../../widget/survey-ui/locale";
import { assetUrl } from "../http/asset-url";

export interface DocumentProps {
  locale: Locale;
  title: string;
  /** Load the enhancement script (hydration, one-click auto-submit). */
  enhance?: boolean;
  /** Extra class on <body> (the demo shop has its own look). */
  bodyClass?: string;
  /** The survey's brand colour `#rrggbb`: links its stylesheet (no inline style under the CSP). */
  accent?: string | null;
  children: ComponentChildren;
}

/** The HTML shell of every customer-facing page: only external, versioned styles and scripts. */
export function Document({ locale, title, enhance = true, bodyClass, accent, children }: DocumentProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        {/* No favicon request: there is none to serve. */}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetUrl("/assets/page.css")} />
        <link rel="stylesheet" href={assetUrl("/assets/survey.css")} />
        {accent && <link rel="stylesheet" href={`/theme/${accent.slice(1).toLowerCase()}.css`} />}
        {enhance && <script src={assetUrl("/assets/survey-page.js")} defer />}
      </head>
      <body class={bodyClass}>{children}</body>
    </html>
  );
}
