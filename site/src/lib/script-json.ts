/**
 * JSON to embed in a <script type="application/json"> element: `<`, `>`, `&` and the line separators are escaped
 * as \uXXXX, so no value (a description holding "</script>", say) can end the element or open markup.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
