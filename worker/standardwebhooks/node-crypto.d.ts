// The one node:crypto call the Worker makes (./fast-sha256.ts; workerd provides it under
// `nodejs_compat`); the Worker's tsconfig has no Node types, so it is declared here.
declare module "node:crypto" {
  export function createHmac(
    algorithm: "sha256",
    key: Uint8Array,
  ): { update(data: Uint8Array): { digest(): Uint8Array } };
}
