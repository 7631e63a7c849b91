/** MK's docs wrap values with spaces in single quotes (`info='texto'`); clients copy that. */
export const unquote = (v: string | undefined) => (v === undefined ? undefined : v.replace(/^'(.*)'$/s, '$1'));
