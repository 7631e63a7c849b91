/** Parameter names whose values never reach logs or storage (case-insensitive substring match). */
const SECRET_NAMES = ['token', 'password', 'senha', 'pass', 'secret', 'cvv', 'cartao', 'card'];

export const isSecretName = (name: string): boolean => SECRET_NAMES.some((s) => name.toLowerCase().includes(s));

export function redactParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${isSecretName(k) ? '***' : encodeURIComponent(String(v).slice(0, 200))}`)
    .join('&')
    .slice(0, 2000);
}

/** The URL with secret query values masked, for request logs. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const masked = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq > 0 && isSecretName(safeDecode(part.slice(0, eq))) ? `${part.slice(0, eq)}=***` : part;
    })
    .join('&');
  return `${url.slice(0, q)}?${masked}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
