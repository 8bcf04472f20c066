/**
 * The contract's normalized e-mail: trimmed and lower-cased, so `Jeanne@Example.fr ` is the
 * customer `jeanne@example.fr`. Also in Unicode NFC, so an address typed with a combining
 * accent (e + ́) and the same one with a precomposed é are one customer, to match orders and
 * to erase them.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().normalize("NFC");
}
