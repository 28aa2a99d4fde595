// BYOC Connector web chat page: plain JavaScript modules, no dependencies, no build step; protocol in
// docs/webchat-channel.md. This module holds the page's state (what this tab has shown, receipts, typing) and wires
// the parts together: session.js (the visitor's token), stream.js and sse.js (the chat log's events), transcript.js
// (the DOM) and outbox.js (what the visitor sends).
import { createOutbox } from './outbox.js';
import { createSessions } from './session.js';
import { startStream } from './stream.js';
import { createTranscript } from './transcript.js';
import { newId, readJson, safeId, writeJson } from './util.js';

const channel = document.body.dataset.channel;
const api = encodeURIComponent(channel) + '/';
const prefix = 'byoc-webchat:' + channel + ':';
const viewKey = prefix + 'view'; // sessionStorage: what this tab has shown, and the last log sequence
const liveTypes = new Set(['typing.started', 'typing.stopped', 'progress']);
const typingIdleMs = 3000;

const form = document.getElementById('composer');
const input = document.getElementById('input');
const fileInput = document.getElementById('file');

const unread = new Set(); // agent entry ids not yet reported read
let view = readJson(sessionStorage, viewKey);
let shownByHost = true; // false while the embedding widget has the chat collapsed
let typing = false, typingTimer = 0;

const transcript = createTranscript({
  api,
  list: document.getElementById('messages'),
  typingLine: document.getElementById('typing'),
  progressLine: document.getElementById('progress'),
  connectionLine: document.getElementById('connection'),
}, {
  onChoose: choose,
  onAgentShown: entryId => {
    receipt(entryId, 'delivered');
    unread.add(entryId);
    reportRead();
  },
});
const sessions = createSessions(api, prefix + 'session', () => transcript.showConnection('Connecting…'));
const outbox = createOutbox({
  api,
  sessions,
  storageKey: prefix + 'outbox',
  onUnauthorized: renewSession,
  onFailed: (body, reason) => {
    transcript.showCustomer('in:' + body.id, body.text, 'failed');
    if (reason) {
      transcript.showNotice(null, reason);
    }
  },
});

async function renewSession() {
  await sessions.ensure(true);
  resetIfNewVisitor();
}

// ---- the chat log ------------------------------------------------------------------------------------------------

function onEvent(message) {
  let event;
  try { event = JSON.parse(message.data); } catch { return; }
  if (event.type === 'reset') {
    resetView();
    return;
  }
  if (liveTypes.has(event.type)) {
    transcript.showLive(event);
    return;
  }
  const seq = Number(message.lastEventId);
  if (!(seq > view.seq)) {
    return; // already shown (replay overlap)
  }
  view.seq = seq;
  view.entries.push(event);
  writeJson(sessionStorage, viewKey, view);
  transcript.show(event);
}

function resetIfNewVisitor() {
  if (!view || view.visitorId !== sessions.current.visitorId) {
    resetView();
    return true;
  }
  return false;
}

function resetView() {
  view = { visitorId: sessions.current.visitorId, seq: 0, entries: [], receipts: [] };
  writeJson(sessionStorage, viewKey, view);
  transcript.clear();
}

// ---- what the visitor does ---------------------------------------------------------------------------------------

function sendText(text) {
  const id = newId('m');
  stopTyping();
  transcript.showCustomer('in:' + id, text, 'pending');
  outbox.enqueue({ type: 'message', id, text }, true);
}

function sendFile(file) {
  const id = newId('f');
  stopTyping();
  transcript.showPendingFile('in:' + id, file.name);
  outbox.enqueueFile(id, file);
}

function choose(entryId, choice) {
  if (transcript.isAnswered(entryId)) {
    return;
  }
  const id = newId('c');
  transcript.markAnswered(entryId, choice.id);
  transcript.showCustomer('in:' + id, choice.title, 'pending');
  outbox.enqueue({ type: 'choice', id, optionId: choice.id, entryId, text: choice.title }, true);
}

function receipt(entryId, status) {
  const key = status + ':' + entryId;
  if (view.receipts.includes(key)) {
    return;
  }
  view.receipts.push(key);
  writeJson(sessionStorage, viewKey, view);
  outbox.enqueue({ type: 'status', id: safeId('r-' + status[0] + '-' + entryId), entryId, status }, false);
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
    outbox.enqueue({ type: 'typing.started', id: newId('t') }, false);
  }
  clearTimeout(typingTimer);
  typingTimer = setTimeout(stopTyping, typingIdleMs);
}

function stopTyping() {
  clearTimeout(typingTimer);
  if (typing) {
    typing = false;
    outbox.enqueue({ type: 'typing.stopped', id: newId('t') }, false);
  }
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

// ---- start -------------------------------------------------------------------------------------------------------

await sessions.ensure(false);
resetIfNewVisitor();
for (const event of view.entries) {
  transcript.show(event);
}
for (const body of outbox.unacknowledged()) {
  // Sent before a reload but never acknowledged: show it as pending and send it again with the same id.
  if (!transcript.has('in:' + body.id)) {
    transcript.showCustomer('in:' + body.id, body.text, 'pending');
  }
  outbox.resend(body);
}
const events = startStream({
  api,
  sessions,
  lastSeq: () => view.seq,
  onEvent,
  onUnauthorized: renewSession,
  onConnection: text => transcript.showConnection(text),
});
setInterval(async () => {
  await sessions.ensure(false);
  if (resetIfNewVisitor()) {
    events.restart();
  }
}, 60000);
