// The chat log's event stream. It is read with fetch rather than EventSource so that the token travels in a header,
// never in a URL (URLs end up in access logs). Reconnects send Last-Event-ID = the last log sequence shown, so the
// server replays exactly what this tab has not seen.
import { readEventStream } from './sse.js';
import { delay } from './util.js';

const silenceMs = 45000; // the server sends a keep-alive every 15 s by default

export function startStream({ api, sessions, lastSeq, onEvent, onUnauthorized, onConnection }) {
  let abort = null;
  let lastReceived = 0;

  async function run() {
    for (let attempt = 0; ; attempt++) {
      const current = new AbortController();
      abort = current;
      try {
        const response = await fetch(api + 'events', {
          headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + sessions.current.token, 'Last-Event-ID': String(lastSeq()) },
          cache: 'no-store',
          signal: current.signal,
        });
        if (response.status === 401) {
          await onUnauthorized();
        } else if (response.ok && response.body) {
          onConnection(null);
          attempt = 0;
          lastReceived = Date.now();
          await readEventStream(response.body, onEvent, () => { lastReceived = Date.now(); });
        }
      } catch { /* dropped, aborted by the watchdog or by restart(), or offline: reconnect below */ }
      onConnection('Reconnecting…');
      await delay(Math.min(15000, 500 * 2 ** attempt));
    }
  }

  run();
  setInterval(() => {
    if (abort && Date.now() - lastReceived > silenceMs) {
      abort.abort(); // a silently dead connection: the loop reconnects
    }
  }, 10000);

  return {
    // Drops the open stream; the loop reconnects with the current session and sequence.
    restart() { abort?.abort(); },
  };
}
