import type { Locale } from "../../widget/survey-ui/locale";
import { Document } from "./Document";

/** The demo shop's words: a French home-fragrance brand, in its two languages. */
const SHOP = {
  fr: {
    title: "Suivi de commande — Maison Lumière",
    tagline: "Bougies & parfums d’intérieur, Lyon",
    other: "English",
    order: "Commande n° ML-48213",
    placed: "Passée le 12 novembre",
    steps: ["Commandée", "Expédiée", "Livrée"],
    delivered: "Livrée le 18 novembre par Colissimo.",
    items: [
      ["Bougie parfumée Figue de Provence, 180 g", "32,00 €"],
      ["Diffuseur Fleur d’oranger, 100 ml", "45,00 €"],
      ["Livraison", "Offerte"],
    ],
    total: ["Total", "77,00 €"],
    supportTitle: "Votre demande au service client",
    support: (ticket: string) =>
      `Camille a traité votre demande ${ticket} (colis endommagé, remplacement expédié). Dites-nous comment nous avons fait :`,
    footer: "Démonstration d’Aftercare : cette boutique n’existe pas.",
  },
  en: {
    title: "Order status — Maison Lumière",
    tagline: "Candles & home fragrance, Lyon",
    other: "Français",
    order: "Order ML-48213",
    placed: "Placed on 12 November",
    steps: ["Ordered", "Shipped", "Delivered"],
    delivered: "Delivered on 18 November by Colissimo.",
    items: [
      ["Scented candle Figue de Provence, 180 g", "€32.00"],
      ["Orange blossom diffuser, 100 ml", "€45.00"],
      ["Shipping", "Free"],
    ],
    total: ["Total", "€77.00"],
    supportTitle: "Your request to customer service",
    support: (ticket: string) =>
      `Camille handled your request ${ticket} (damaged parcel, replacement shipped). Tell us how we did:`,
    footer: "An Aftercare demo: this shop does not exist.",
  },
} satisfies Record<Locale, unknown>;

export interface DemoShopPageProps {
  locale: Locale;
  /** Where widget.js is served, as in the invitation's embed snippet. */
  origin: string;
  token: string;
  ticketId: string;
}

/**
 * `/demo`: a shop's order-status page with the widget embedded exactly as a
 * customer would embed it, a script tag with `data-token`, loaded async.
 */
export function DemoShopPage({ locale, origin, token, ticketId }: DemoShopPageProps) {
  const s = SHOP[locale];
  return (
    <Document locale={locale} title={s.title} enhance={false} bodyClass="shop">
      <header class="shop-header">
        <div>
          <p class="shop-brand">Maison Lumière</p>
          <p class="shop-tagline">{s.tagline}</p>
        </div>
        <a class="shop-lang" href={`/demo?lang=${locale === "fr" ? "en" : "fr"}`} lang={locale === "fr" ? "en" : "fr"}>
          {s.other}
        </a>
      </header>
      <main class="shop-main">
        <h1>{s.order}</h1>
        <p class="shop-muted">{s.placed}</p>
        <ol class="shop-steps">
          {s.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p>{s.delivered}</p>
        <table class="shop-items">
          <tbody>
            {s.items.map(([name, price]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{price}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{s.total[0]}</th>
              <td>{s.total[1]}</td>
            </tr>
          </tfoot>
        </table>
        <section class="shop-support" aria-labelledby="support-title">
          <h2 id="support-title">{s.supportTitle}</h2>
          <p>{s.support(ticketId)}</p>
          <div class="shop-survey">
            <script src={`${origin}/widget.js`} data-token={token} async />
          </div>
        </section>
      </main>
      <footer class="shop-footer">{s.footer}</footer>
    </Document>
  );
}
