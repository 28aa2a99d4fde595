// The conversation as the visitor sees it: the list of entries, the choice buttons, and the status lines (typing,
// progress, connection). It owns the DOM; the caller decides what to show.
const progressMs = 30000;

export function createTranscript({ api, list, typingLine, progressLine, connectionLine }, { onChoose, onAgentShown }) {
  const rendered = new Map(); // entry key -> list item
  // The list shows settled items (the chat log's entries in log order, and this tab's refusals and notices), then what
  // this tab is still sending. lastSettled is the last settled item; a message being sent moves up to its place when
  // the server logs it (or refuses it), so the log's entries read the same before and after a reload.
  let lastSettled = null;
  const choiceGroups = new Map(); // choices entry id -> button container
  const answered = new Set(); // choices entry ids the visitor answered
  let progressTimer = 0;

  // One event of the chat log (docs/webchat-channel.md).
  function show(event) {
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

  // Images inline, other files as links; files are served by id and the key the stream gave (docs/webchat-channel.md).
  function files(item, attachments) {
    for (const file of attachments || []) {
      const url = api + 'files/' + encodeURIComponent(file.id) + '?key=' + encodeURIComponent(file.key || '');
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

  function links(item, targets) {
    if (!targets || targets.length === 0) {
      return;
    }
    const group = document.createElement('ul');
    group.className = 'links';
    for (const target of targets) {
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

  // state: 'pending' (this tab is sending it), 'sent' (in the chat log) or 'failed' (refused).
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

  // A file this tab is sending, shown by name until the server's copy arrives.
  function showPendingFile(key, name) {
    showCustomer(key, name, 'pending');
    rendered.get(key).dataset.placeholder = '1';
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
        button.addEventListener('click', () => onChoose(event.id, choice));
        group.appendChild(button);
      }
      item.appendChild(group);
      choiceGroups.set(event.id, group);
      if (answered.has(event.id)) {
        markAnswered(event.id, null);
      }
    }
    onAgentShown(event.id);
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

  // Typing and progress: live signals, not in the chat log.
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

  // Disables a choice group once answered; optionId marks the chosen button (null when answered elsewhere).
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

  function clear() {
    rendered.clear();
    choiceGroups.clear();
    answered.clear();
    list.replaceChildren();
    lastSettled = null;
  }

  return {
    show, showCustomer, showPendingFile, showNotice, showLive, showConnection, markAnswered, clear,
    has: key => rendered.has(key),
    isAnswered: entryId => answered.has(entryId),
  };
}
