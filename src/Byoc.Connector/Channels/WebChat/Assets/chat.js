// BYOC Connector web chat page. Plain JavaScript, no dependencies, no build step; protocol in docs/webchat-channel.md.
// Kept as one file of about 500 lines on purpose: its sections (session, stream, rendering, sending) share the page's
// state, and splitting them would need a module loader or globals; the SSE parser, which stands alone, is in sse.js.
(() => {
  'use strict';

  const channel = document.body.dataset.channel;
  const api = encodeURIComponent(channel) + '/';
  const prefix = 'byoc-webchat:' + channel + ':';
  const sessionKey = prefix + 'session'; // localStorage: the visitor's token survives tab closes
  const viewKey = prefix + 'view'; // sessionStorage: what this tab has shown, and the last log sequence
  const outboxKey = prefix + 'outbox'; // localStorage: messages not yet acknowledged by the server
  const liveTypes = new Set(['typing.started', 'typing.stopped', 'progress']);
  const typingIdleMs = 3000;
  const progressMs = 30000;
  const silenceMs = 45000; // the server sends a keep-alive every 15 s by default

  const list = document.getElementById('messages');
  const typingLine = document.getElementById('typing');
  const progressLine = document.getElementById('progress');
  const connectionLine = document.getElementById('connection');
  const form = document.getElementById('composer');
  const input = document.getElementById('input');
  const fileInput = document.getElementById('file');

  const rendered = new Map(); // entry key -> list item
  // The list shows settled items (the chat log's entries in log order, and this tab's refusals and notices), then what
  // this tab is still sending. lastSettled is the last settled item; a message being sent moves up to its place when
  // the server logs it (or refuses it), so the log's entries read the same before and after a reload.
  let lastSettled = null;
  const choiceGroups = new Map(); // choices entry id -> button container
  const answered = new Set(); // choices entry ids the visitor answered
  const unread = new Set(); // agent entry ids not yet reported read
  let session = read(localStorage, sessionKey);
  let view = read(sessionStorage, viewKey);
  let streamAbort = null; // aborts the open event stream
  let lastReceived = 0;
  let shownByHost = true; // false while the embedding widget has the chat collapsed
  let typing = false, typingTimer = 0, progressTimer = 0;
  const queue = []; // POST bodies, sent one at a time so the server sees them in order
  let sending = false;

  function read(storage, key) {
    try { return JSON.parse(storage.getItem(key)); } catch { return null; }
  }

  function write(storage, key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch { /* storage full or disabled: the server log still has everything */ }
  }

  function newId(kind) {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return kind + '-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function safeId(value) {
    return value.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 90);
  }

  // ---- session -------------------------------------------------------------------------------------------------

  // Returns a usable session: the stored one, renewed at half-life (or when refresh is asked after a 401), or a new
  // visitor's when the stored one cannot be renewed.
  let pendingSession = null;

  function ensureSession(refresh) {
    // One request at a time: the sender and the stream may both hit a 401 at once.
    pendingSession = pendingSession || obtainSession(refresh).finally(() => { pendingSession = null; });
    return pendingSession;
  }

  async function obtainSession(refresh) {
    const now = Date.now();
    if (session && Date.parse(session.expiresAt) > now) {
      const received = session.receivedAt || now;
      if (!refresh && now - received < (Date.parse(session.expiresAt) - received) / 2) {
        return session;
      }
      const renewed = await requestSession(session.token);
      if (renewed) {
        return renewed;
      }
    }
    return await requestSession(null);
  }

  async function requestSession(token) {
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
          write(localStorage, sessionKey, session);
          return session;
        }
      } catch { /* offline: retry below */ }
      showConnection('Connecting…');
      await delay(Math.min(30000, 500 * 2 ** attempt));
    }
  }

  // ---- the event stream ----------------------------------------------------------------------------------------

  // The stream is read with fetch rather than EventSource so that the token travels in a header, never in a URL
  // (URLs end up in access logs). Reconnects send Last-Event-ID = the last log sequence shown, so the server replays
  // exactly what this tab has not seen.
  async function stream() {
    for (let attempt = 0; ; attempt++) {
      const abort = new AbortController();
      streamAbort = abort;
      try {
        const response = await fetch(api + 'events', {
          headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + session.token, 'Last-Event-ID': String(view.seq) },
          cache: 'no-store',
          signal: abort.signal,
        });
        if (response.status === 401) {
          await ensureSession(true);
          resetIfNewVisitor();
        } else if (response.ok && response.body) {
          showConnection(null);
          attempt = 0;
          lastReceived = Date.now();
          await window.byocSse.read(response.body, onEvent, () => { lastReceived = Date.now(); });
        }
      } catch { /* dropped, aborted by the watchdog, or offline: reconnect below */ }
      showConnection('Reconnecting…');
      await delay(Math.min(15000, 500 * 2 ** attempt));
    }
  }

  function onEvent(message) {
    let event;
    try { event = JSON.parse(message.data); } catch { return; }
    if (event.type === 'reset') {
      resetView();
      return;
    }
    if (liveTypes.has(event.type)) {
      showLive(event);
      return;
    }
    const seq = Number(message.lastEventId);
    if (!(seq > view.seq)) {
      return; // already shown (replay overlap)
    }
    view.seq = seq;
    view.entries.push(event);
    write(sessionStorage, viewKey, view);
    apply(event);
  }

  // ---- rendering -----------------------------------------------------------------------------------------------

  function apply(event) {
    switch (event.type) {
      case 'message':
      case 'choices':
        if (event.role === 'customer') {
          showCustomer(event.id, event.text, 'sent', event.attachments);
          if (event.inReplyTo) {
            markAnswered(event.inReplyTo, null);
          }
        } else {
          showAgent(event);
        }
        break;
      case 'participant':
        showNotice(event.id, event.text || (event.operation === 'left'
          ? (event.sender || 'The agent') + ' left the conversation.'
          : 'You are now talking to ' + (event.sender || 'an agent') + '.'));
        break;
      case 'notice':
        showNotice(event.id, event.text);
        break;
      case 'receipt': {
        const item = rendered.get(event.entryId);
        const label = item && item.querySelector('.receipt');
        if (label && label.dataset.status !== 'read') {
          label.dataset.status = event.status;
          label.textContent = event.status === 'read' ? 'Read' : 'Delivered';
        }
        break;
      }
    }
  }

  // A new list item: a settled one goes after the last settled item (above anything still sending), the rest at the end.
  function entry(key, role, settled) {
    const item = document.createElement('li');
    item.className = 'entry ' + role;
    if (key) {
      item.dataset.key = key;
      rendered.set(key, item);
    }
    if (settled) {
      settle(item);
    } else {
      list.appendChild(item);
    }
    return item;
  }

  function settle(item) {
    list.insertBefore(item, lastSettled ? lastSettled.nextSibling : list.firstChild);
    lastSettled = item;
  }

  function bubble(item, text) {
    const p = document.createElement('p');
    p.className = 'bubble';
    p.textContent = text || '';
    item.appendChild(p);
  }

  // Images inline, other files as links; files are served by id under the channel (docs/webchat-channel.md).
  function files(item, attachments) {
    for (const file of attachments || []) {
      const url = api + 'files/' + encodeURIComponent(file.id);
      const link = document.createElement('a');
      link.className = 'file';
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener';
      if (/^image\/(png|jpeg|gif|bmp|webp)$/.test(file.mimeType)) {
        const image = document.createElement('img');
        image.src = url;
        image.alt = file.name;
        link.appendChild(image);
      } else {
        link.download = file.name;
        link.textContent = file.name;
      }
      item.appendChild(link);
    }
  }

  function links(item, list) {
    if (!list || list.length === 0) {
      return;
    }
    const group = document.createElement('ul');
    group.className = 'links';
    for (const target of list) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = /^https?:/i.test(target.url) ? target.url : '#';
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = target.title || target.url;
      li.appendChild(link);
      group.appendChild(li);
    }
    item.appendChild(group);
  }

  function showCustomer(key, text, state, attachments) {
    let item = rendered.get(key);
    if (item && state !== 'pending' && item !== lastSettled) {
      settle(item); // logged or refused: it moves up to its place, above anything sent after it
    }
    if (!item) {
      item = entry(key, 'customer', state !== 'pending');
      if (text) {
        bubble(item, text);
      }
      files(item, attachments);
      const receipt = document.createElement('span');
      receipt.className = 'receipt';
      item.appendChild(receipt);
    } else if (attachments && attachments.length && item.dataset.placeholder) {
      // The server's copy of a file this tab sent: the file itself replaces the pending file name.
      delete item.dataset.placeholder;
      item.querySelector('.bubble')?.remove();
      const receipt = item.querySelector('.receipt');
      files(item, attachments);
      item.appendChild(receipt);
    }
    item.classList.toggle('pending', state === 'pending');
    item.classList.toggle('failed', state === 'failed');
    if (state === 'failed') {
      item.querySelector('.receipt').textContent = 'Not sent';
    }
    scrollDown();
  }

  function showAgent(event) {
    if (rendered.has(event.id)) {
      return;
    }
    hideTyping();
    hideProgress();
    const item = entry(event.id, 'agent', true);
    if (event.sender) {
      const name = document.createElement('span');
      name.className = 'sender';
      name.textContent = event.sender;
      item.appendChild(name);
    }
    if (event.text) {
      bubble(item, event.text);
    }
    files(item, event.attachments);
    links(item, event.links);
    if (event.type === 'choices' && event.choices) {
      const group = document.createElement('div');
      group.className = 'choices';
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', event.text || 'Choices');
      for (const choice of event.choices) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = choice.title;
        button.dataset.option = choice.id;
        button.addEventListener('click', () => choose(event.id, choice));
        group.appendChild(button);
      }
      item.appendChild(group);
      choiceGroups.set(event.id, group);
      if (answered.has(event.id)) {
        markAnswered(event.id, null);
      }
    }
    receipt(event.id, 'delivered');
    unread.add(event.id);
    reportRead();
    scrollDown();
  }

  function showNotice(key, text) {
    if (key && rendered.has(key)) {
      return;
    }
    const item = entry(key, 'system', true);
    item.textContent = text;
    scrollDown();
  }

  function showLive(event) {
    switch (event.type) {
      case 'typing.started':
        typingLine.textContent = (event.sender || 'Agent') + ' is typing…';
        typingLine.hidden = false;
        break;
      case 'typing.stopped':
        hideTyping();
        break;
      case 'progress':
        progressLine.textContent = event.text || 'Working on it…';
        progressLine.hidden = false;
        clearTimeout(progressTimer);
        progressTimer = setTimeout(hideProgress, progressMs);
        break;
    }
  }

  function hideTyping() { typingLine.hidden = true; typingLine.textContent = ''; }

  function hideProgress() { clearTimeout(progressTimer); progressLine.hidden = true; progressLine.textContent = ''; }

  function showConnection(text) {
    connectionLine.textContent = text || '';
    connectionLine.hidden = !text;
  }

  function scrollDown() { list.scrollTop = list.scrollHeight; }

  function markAnswered(entryId, optionId) {
    answered.add(entryId);
    const group = choiceGroups.get(entryId);
    if (!group) {
      return;
    }
    for (const button of group.querySelectorAll('button')) {
      button.disabled = true;
      if (optionId && button.dataset.option === optionId) {
        button.classList.add('chosen');
      }
    }
  }

  // ---- sending -------------------------------------------------------------------------------------------------

  function sendText(text) {
    const id = newId('m');
    stopTyping();
    showCustomer('in:' + id, text, 'pending');
    enqueue({ type: 'message', id, text }, true);
  }

  // Files go through the same ordered queue as messages, but not through the durable outbox: a reload loses an
  // unsent file (the visitor sees it marked as not sent).
  function sendFile(file) {
    const id = newId('f');
    stopTyping();
    showCustomer('in:' + id, file.name, 'pending');
    rendered.get('in:' + id).dataset.placeholder = '1';
    queue.push({ body: { type: 'file', id, text: file.name, file }, durable: false });
    pump();
  }

  function choose(entryId, choice) {
    if (answered.has(entryId)) {
      return;
    }
    const id = newId('c');
    markAnswered(entryId, choice.id);
    showCustomer('in:' + id, choice.title, 'pending');
    enqueue({ type: 'choice', id, optionId: choice.id, entryId, text: choice.title }, true);
  }

  function receipt(entryId, status) {
    const key = status + ':' + entryId;
    if (view.receipts.includes(key)) {
      return;
    }
    view.receipts.push(key);
    write(sessionStorage, viewKey, view);
    enqueue({ type: 'status', id: safeId('r-' + status[0] + '-' + entryId), entryId, status }, false);
  }

  function reportRead() {
    if (document.visibilityState !== 'visible' || !shownByHost) {
      return;
    }
    for (const entryId of unread) {
      receipt(entryId, 'read');
    }
    unread.clear();
  }

  function startTyping() {
    if (!typing) {
      typing = true;
      enqueue({ type: 'typing.started', id: newId('t') }, false);
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, typingIdleMs);
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (typing) {
      typing = false;
      enqueue({ type: 'typing.stopped', id: newId('t') }, false);
    }
  }

  function enqueue(body, durable) {
    if (durable) {
      const pending = read(localStorage, outboxKey) || [];
      pending.push(body);
      write(localStorage, outboxKey, pending);
    }
    queue.push({ body, durable });
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
          showCustomer('in:' + body.id, body.text, 'failed');
          showNotice(null, outcome);
        }
        if (durable) {
          const pending = (read(localStorage, outboxKey) || []).filter(p => p.id !== body.id);
          write(localStorage, outboxKey, pending);
          if (outcome === 'rejected') {
            showCustomer('in:' + body.id, body.text, 'failed');
          }
        }
      }
    } finally {
      sending = false;
    }
  }

  // Re-sends the same body (same id) until the server has stored it: the inbox stores a repeated id once.
  async function post(body) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(api + 'messages', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + session.token },
          body: JSON.stringify(body),
        });
        if (response.ok) {
          return 'stored';
        }
        if (response.status === 401) {
          await ensureSession(true);
          resetIfNewVisitor();
          continue;
        }
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
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
          headers: { Authorization: 'Bearer ' + session.token },
          body: data,
        });
        if (response.ok) {
          return 'stored';
        }
        if (response.status === 401) {
          await ensureSession(true);
          resetIfNewVisitor();
          continue;
        }
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          let problem = null;
          try { problem = await response.json(); } catch { /* not JSON */ }
          return (problem && problem.detail) || 'The file could not be sent.';
        }
      } catch { /* network error: retry */ }
      await delay(Math.min(30000, 250 * 2 ** attempt));
    }
  }

  function delay(ms) { return new Promise(resolve => setTimeout(resolve, ms)); }

  // ---- start ---------------------------------------------------------------------------------------------------

  function resetIfNewVisitor() {
    if (!view || view.visitorId !== session.visitorId) {
      resetView();
      return true;
    }
    return false;
  }

  function resetView() {
    view = { visitorId: session.visitorId, seq: 0, entries: [], receipts: [] };
    write(sessionStorage, viewKey, view);
    rendered.clear();
    choiceGroups.clear();
    answered.clear();
    list.replaceChildren();
    lastSettled = null;
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const text = input.value.trim();
    if (text) {
      sendText(text);
      input.value = '';
    }
    input.focus();
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    if (input.value.trim()) {
      startTyping();
    } else {
      stopTyping();
    }
  });
  fileInput.addEventListener('change', () => {
    for (const file of fileInput.files) {
      sendFile(file);
    }
    fileInput.value = '';
  });
  document.addEventListener('visibilitychange', reportRead);
  // The widget tells its iframe when the chat is collapsed, so that messages are not reported read while hidden.
  window.addEventListener('message', e => {
    if (e.source === window.parent && e.data && typeof e.data.byocWebChat === 'string') {
      shownByHost = e.data.byocWebChat === 'open';
      reportRead();
    }
  });

  (async () => {
    await ensureSession(false);
    resetIfNewVisitor();
    for (const event of view.entries) {
      apply(event);
    }
    for (const body of read(localStorage, outboxKey) || []) {
      // Sent before a reload but never acknowledged: show it as pending and send it again with the same id.
      if (!rendered.has('in:' + body.id)) {
        showCustomer('in:' + body.id, body.text, 'pending');
      }
      queue.push({ body, durable: true });
    }
    pump();
    stream();
    setInterval(() => {
      if (streamAbort && Date.now() - lastReceived > silenceMs) {
        streamAbort.abort(); // a silently dead connection: the stream loop reconnects
      }
    }, 10000);
    setInterval(async () => {
      await ensureSession(false);
      if (resetIfNewVisitor() && streamAbort) {
        streamAbort.abort();
      }
    }, 60000);
  })();
})();
