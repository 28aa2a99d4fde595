// Small helpers shared by the web chat modules.

// Storage may be full or disabled (private windows): the server's chat log still has everything, so failures are ignored.
export function readJson(storage, key) {
  try { return JSON.parse(storage.getItem(key)); } catch { return null; }
}

export function writeJson(storage, key, value) {
  try { storage.setItem(key, JSON.stringify(value)); } catch { /* see above */ }
}

export function newId(kind) {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return kind + '-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

// Ids the server accepts (docs/webchat-channel.md): letters, digits and _.:- up to 90 characters.
export function safeId(value) {
  return value.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 90);
}

export function delay(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }

// A 4xx other than 408 and 429 will not change on retry: the server refused the request itself.
export function isRefusal(status) {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
