// Rep console: plain DOM + fetch against /console/api; live updates from the SSE stream /console/api/events.
'use strict';
const api = (path, options = {}) => fetch('/console/api' + path, {
  credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json' },
  ...options,
}).then(async response => {
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error((body && (body.detail || body.title)) || response.statusText);
  return body;
});
const $ = id => document.getElementById(id);
let current = null;
let typing = false;
let typingTimer = null;
let events = null;

function say(text) { $('message').textContent = text || ''; }

async function start() {
  try {
    const me = await api('/me');
    showDesk(me);
  } catch {
    showSignIn();
  }
}

async function showSignIn() {
  $('who').hidden = true; $('desk').hidden = true; $('signin').hidden = false;
  const reps = await api('/reps');
  $('signin-user').replaceChildren(...reps.map(r => new Option(`${r.name} (${r.username})`, r.username)));
}

function showDesk(me) {
  $('signin').hidden = true; $('who').hidden = false; $('desk').hidden = false;
  $('rep-name').textContent = me.name;
  $('presence').value = me.presence;
  if (!events) {
    events = new EventSource('/console/api/events');
    events.addEventListener('change', e => {
      const change = JSON.parse(e.data);
      refreshWork();
      if (current && change.sessionIds.includes(current)) refreshTranscript();
    });
    events.addEventListener('ready', () => refreshWork());
  }
  refreshWork();
}

function workItem(item, label, action) {
  const li = document.createElement('li');
  const title = document.createElement('strong');
  title.textContent = item.endUserName;
  const detail = document.createElement('p');
  detail.textContent = `${item.status}${item.queueName ? ' · ' + item.queueName : ''}${item.preview ? ' · “' + item.preview + '”' : ''}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-label', `${label} ${item.endUserName}`);
  button.dataset.session = item.sessionId;
  button.addEventListener('click', () => action(item.sessionId));
  li.append(title, detail, button);
  return li;
}

async function refreshWork() {
  try {
    const work = await api('/work');
    $('presence').value = work.presence;
    $('queued').replaceChildren(...work.queued.map(w => workItem(w, 'Accept', accept)));
    $('mine').replaceChildren(...work.mine.map(w => workItem(w, 'Open', open)));
  } catch (e) { say(e.message); }
}

async function accept(sessionId) {
  try { await api(`/work/${sessionId}/accept`, { method: 'POST' }); say(''); await open(sessionId); }
  catch (e) { say(e.message); refreshWork(); }
}

async function open(sessionId) { current = sessionId; await refreshTranscript(); }

async function refreshTranscript() {
  if (!current) return;
  try {
    const t = await api(`/sessions/${current}/transcript`);
    $('session').hidden = false;
    $('session-title').textContent = `Session with ${t.endUserName}`;
    $('session-status').textContent = `Status: ${t.status}${t.agentType ? ' · ' + t.agentType : ''}`;
    $('transcript').replaceChildren(...t.entries.map(entry => {
      const li = document.createElement('li');
      li.className = entry.actorType || 'System';
      const meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = `${entry.actorName || entry.actorType || ''}${entry.messageStatus ? ' · ' + entry.messageStatus : ''}`;
      const text = document.createElement('span');
      text.textContent = entry.message || entry.entryType;
      li.append(meta, text);
      return li;
    }));
    $('transcript').scrollTop = $('transcript').scrollHeight;
    for (const id of ['reply-text', 'send-button', 'transfer-button', 'end-button']) $(id).disabled = !t.isMine;
  } catch (e) { say(e.message); }
}

async function setTyping(started) {
  if (!current || typing === started) return;
  typing = started;
  try { await api(`/sessions/${current}/typing`, { method: 'POST', body: JSON.stringify({ started }) }); } catch { /* typing is best effort */ }
}

$('signin-form').addEventListener('submit', async e => {
  e.preventDefault();
  try { showDesk(await api('/signin', { method: 'POST', body: JSON.stringify({ username: $('signin-user').value }) })); }
  catch (err) { say(err.message); }
});
$('signout-button').addEventListener('click', async () => {
  await api('/signout', { method: 'POST' });
  if (events) { events.close(); events = null; }
  current = null; showSignIn();
});
$('presence').addEventListener('change', async () => {
  try { await api('/presence', { method: 'PUT', body: JSON.stringify({ status: $('presence').value }) }); say(''); refreshWork(); }
  catch (e) { say(e.message); }
});
$('reply-text').addEventListener('input', () => {
  setTyping(true);
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => setTyping(false), 2000);
});
$('reply-form').addEventListener('submit', async e => {
  e.preventDefault();
  const text = $('reply-text').value.trim();
  if (!text || !current) return;
  clearTimeout(typingTimer);
  await setTyping(false);
  try { await api(`/sessions/${current}/messages`, { method: 'POST', body: JSON.stringify({ text }) }); $('reply-text').value = ''; refreshTranscript(); }
  catch (err) { say(err.message); }
});
$('transfer-button').addEventListener('click', async () => {
  try { await api(`/sessions/${current}/transfer`, { method: 'POST' }); refreshTranscript(); refreshWork(); } catch (e) { say(e.message); }
});
$('end-button').addEventListener('click', async () => {
  try { await api(`/sessions/${current}/end`, { method: 'POST' }); refreshTranscript(); refreshWork(); } catch (e) { say(e.message); }
});
start();
