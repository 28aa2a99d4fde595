// Sends what the visitor does (messages, files, choices, receipts, typing), one request at a time so that the server
// sees them in order. Messages and choices are also kept in localStorage until the server acknowledges them, so a
// reload sends them again with the same id (the inbox stores a repeated id once).
import { delay, isRefusal, readJson, writeJson } from './util.js';

export function createOutbox({ api, sessions, storageKey, onUnauthorized, onFailed }) {
  const queue = []; // { body, durable }
  let sending = false;

  // durable: kept in localStorage until acknowledged (messages and choices; not receipts or typing).
  function enqueue(body, durable) {
    if (durable) {
      const pending = readJson(localStorage, storageKey) || [];
      pending.push(body);
      writeJson(localStorage, storageKey, pending);
    }
    queue.push({ body, durable });
    pump();
  }

  // Files go through the same ordered queue as messages, but not through the durable outbox: a reload loses an
  // unsent file (the visitor sees it marked as not sent).
  function enqueueFile(id, file) {
    queue.push({ body: { type: 'file', id, text: file.name, file }, durable: false });
    pump();
  }

  // What an earlier page sent but the server never acknowledged; resend() each to send it again.
  function unacknowledged() {
    return readJson(localStorage, storageKey) || [];
  }

  function resend(body) {
    queue.push({ body, durable: true });
    pump();
  }

  async function pump() {
    if (sending) {
      return;
    }
    sending = true;
    try {
      while (queue.length > 0) {
        const { body, durable } = queue[0];
        const outcome = body.type === 'file' ? await upload(body) : await post(body);
        queue.shift();
        if (body.type === 'file' && outcome !== 'stored') {
          onFailed(body, outcome);
        }
        if (durable) {
          writeJson(localStorage, storageKey, unacknowledged().filter(p => p.id !== body.id));
          if (outcome === 'rejected') {
            onFailed(body, null);
          }
        }
      }
    } finally {
      sending = false;
    }
  }

  // Re-sends the same body (same id) until the server has stored or refused it.
  async function post(body) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(api + 'messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessions.current.token },
          body: JSON.stringify(body),
        });
        if (response.ok) {
          return 'stored';
        }
        if (response.status === 401) {
          await onUnauthorized();
          continue;
        }
        if (isRefusal(response.status)) {
          return 'rejected';
        }
      } catch { /* network error: retry */ }
      await delay(Math.min(30000, 250 * 2 ** attempt));
    }
  }

  // Returns 'stored', or the server's reason for refusing the file (shown to the visitor).
  async function upload(body) {
    for (let attempt = 0; ; attempt++) {
      try {
        const data = new FormData();
        data.append('id', body.id);
        data.append('file', body.file, body.file.name);
        const response = await fetch(api + 'files', {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + sessions.current.token },
          body: data,
        });
        if (response.ok) {
          return 'stored';
        }
        if (response.status === 401) {
          await onUnauthorized();
          continue;
        }
        if (isRefusal(response.status)) {
          let problem = null;
          try { problem = await response.json(); } catch { /* not JSON */ }
          return (problem && problem.detail) || 'The file could not be sent.';
        }
      } catch { /* network error: retry */ }
      await delay(Math.min(30000, 250 * 2 ** attempt));
    }
  }

  return { enqueue, enqueueFile, unacknowledged, resend };
}
