import type { Locale } from "../../widget/survey-ui/locale";
import { Document } from "./Document";

export interface MessagePageProps {
  locale: Locale;
  title: string;
  body: string;
}

/** A page that only explains something: an invalid or expired link, a busy service. */
export function MessagePage({ locale, title, body }: MessagePageProps) {
  return (
    <Document locale={locale} title={title} enhance={false}>
      <main class="page">
        <h1>{title}</h1>
        <p>{body}</p>
      </main>
    </Document>
  );
}
