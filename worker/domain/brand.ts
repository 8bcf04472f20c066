/**
 * A survey's brand colour (`theme.accent`). It fills the selected score and
 * the send button, whose text is white, so it must be dark enough for white
 * text at WCAG AA (4.5:1). Under the pages' strict CSP (`style-src 'self'`)
 * it cannot be an inline style: the pages link a stylesheet made from the
 * colour (`/theme/<rrggbb>.css`), the widget adopts a constructable one.
 */

export const ACCENT = /^#[0-9a-fA-F]{6}$/;
export const MIN_CONTRAST = 4.5;

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of white text on the colour (1 to 21). */
export function whiteContrast(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * The stylesheet of an accent for the hosted pages. The same accent serves
 * light and dark mode, always with white text on it (the contrast checked on
 * input); in dark mode the focus ring keeps the light default, which an
 * accent dark enough for white text would not give on a dark background.
 * Doubled classes outrank the stylesheet's own dark-mode block.
 */
export function themeCss(hex: string): string {
  const accent = hex.toLowerCase();
  return `.ac-root.ac-root{--ac-accent:${accent};--ac-on-accent:#fff}
:root:root{--page-accent:${accent}}
@media (prefers-color-scheme:light){.ac-root.ac-root{--ac-focus:${accent}}}
`;
}
