/** A vCard property as parsed, and reading its parameters: what exporting needs without ical.js. */
export type ParamValue = string | string[];

export interface VProp {
  /** Line in the original file. */
  line: number;
  group?: string;
  /** Upper-case. */
  name: string;
  /** Lower-case names (as ical.js gives them), multi-values flattened. */
  params: Record<string, ParamValue>;
  /** ical.js value (text decoded); structured and list values are read from `raw` instead. */
  value: unknown;
  /** ical.js value type; 'unknown' for properties it has no definition for (X-…). */
  type: string;
  /** The value as written (after 2.1 decoding), still in vCard escaping. */
  raw: string;
}

export function paramList(prop: VProp, name: string): string[] {
  const value = prop.params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
