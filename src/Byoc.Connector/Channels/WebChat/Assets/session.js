// The visitor's session token: kept in localStorage so that it survives tab closes, renewed at half-life (or when a
// 401 says it is no longer valid), replaced by a new visitor's when it cannot be renewed.
import { delay, readJson, writeJson } from './util.js';

export function createSessions(api, storageKey, onWaiting) {
  let session = readJson(localStorage, storageKey);
  let pending = null;

  async function obtain(refresh) {
    const now = Date.now();
    if (session && Date.parse(session.expiresAt) > now) {
      const received = session.receivedAt || now;
      if (!refresh && now - received < (Date.parse(session.expiresAt) - received) / 2) {
        return session;
      }
      const renewed = await request(session.token);
      if (renewed) {
        return renewed;
      }
    }
    return await request(null);
  }

  async function request(token) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(api + 'session', {
          method: 'POST',
          headers: token ? { Authorization: 'Bearer ' + token } : {},
        });
        if (response.status === 401 && token) {
          return null;
        }
        if (response.ok) {
          session = await response.json();
          session.receivedAt = Date.now();
          writeJson(localStorage, storageKey, session);
          return session;
        }
      } catch { /* offline: retry below */ }
      onWaiting();
      await delay(Math.min(30000, 500 * 2 ** attempt));
    }
  }

  return {
    get current() { return session; },
    // One request at a time: the sender and the stream may both hit a 401 at once.
    ensure(refresh) {
      pending = pending || obtain(refresh).finally(() => { pending = null; });
      return pending;
    },
  };
}
