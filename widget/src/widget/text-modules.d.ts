/** Stylesheets imported as text (`with { type: "text" }`), for constructable stylesheets. */
declare module "*.css" {
  const text: string;
  export default text;
}
