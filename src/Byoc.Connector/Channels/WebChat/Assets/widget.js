// BYOC Connector web chat launcher. Embed with:
//   <script src="https://connector.example.com/chat/widget.js" data-channel="web" async></script>
// It adds a button that opens the chat page of the connector in an iframe; nothing else is loaded.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__byocWebChat) {
    return;
  }
  window.__byocWebChat = true;
  const base = new URL('./', script.src);
  const channel = script.dataset.channel;
  const title = script.dataset.title || 'Chat with us';
  const chatUrl = channel ? new URL(encodeURIComponent(channel), base).href : base.href;

  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = title;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'byoc-webchat-frame');
  Object.assign(button.style, {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', padding: '.75rem 1.25rem',
    border: '0', borderRadius: '2rem', background: '#0b5cab', color: '#fff', font: '600 1rem system-ui, sans-serif',
    cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.25)',
  });

  const frame = document.createElement('iframe');
  frame.id = 'byoc-webchat-frame';
  frame.title = title;
  frame.hidden = true;
  Object.assign(frame.style, {
    position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483000', width: 'min(24rem, calc(100vw - 2rem))',
    height: 'min(36rem, calc(100vh - 6rem))', border: '1px solid #d8dde6', borderRadius: '.75rem', background: '#fff',
    boxShadow: '0 4px 16px rgba(0,0,0,.25)',
  });

  button.addEventListener('click', () => {
    const open = frame.hidden;
    if (open && !frame.src) {
      frame.src = chatUrl;
    }
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    // Lets the page hold back read receipts while collapsed.
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ byocWebChat: open ? 'open' : 'closed' }, new URL(chatUrl).origin);
    }
  });

  const mount = () => document.body.append(frame, button);
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
