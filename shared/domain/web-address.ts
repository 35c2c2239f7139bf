/**
 * A web address as people type it and address books store it, often without its scheme
 * (`www.example.com`, `linkedin.com/in/ada`): given `https://` when it has none. One with a
 * scheme is left as it is, for the caller's own rules to judge.
 */
export const withWebScheme = (value: string): string =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
