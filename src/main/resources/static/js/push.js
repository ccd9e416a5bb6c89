/* Web Push opt-in on reader pages: reveals the "Breaking news on this device" control ([data-push-optin] around a
   button[data-push-alerts="<edition>"]) and the live blog's follow button (button[data-push-follow="<story id>"])
   where the browser can take push, and subscribes or unsubscribes on a click, never before: the browser's permission
   question comes only from the reader's own click. Served from the site's own origin as a fingerprinted asset (static/js/push.js). */
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return;
  }
  const buttons = Array.from(document.querySelectorAll('button[data-push-alerts], button[data-push-follow]'));
  if (buttons.length === 0) {
    return;
  }
  const alerts = document.querySelector('button[data-push-alerts]');
  const pathEdition = (location.pathname.split('/')[1] || '');
  let keyAnswer = null;

  function serverKey() {
    keyAnswer = keyAnswer || fetch('/push/key', { credentials: 'same-origin' }).then((r) => r.json());
    return keyAnswer;
  }

  function bytes(base64url) {
    const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((base64url.length + 3) % 4));
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }

  function target(button) {
    const edition = button.dataset.pushAlerts || (alerts && alerts.dataset.pushAlerts) || pathEdition;
    const story = button.dataset.pushFollow ? Number(button.dataset.pushFollow) : 0;
    return { edition: edition, story: story };
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
  }

  function note(button, which) {
    const holder = button.closest('[data-push-optin]');
    const line = holder && holder.querySelector('[data-push-note]');
    if (line) {
      line.textContent = which ? (line.dataset[which] || '') : '';
    }
  }

  function show(button, on) {
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    note(button, on ? 'on' : '');
  }

  function registration() {
    return navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready);
  }

  function subscription(create) {
    return registration().then((reg) => reg.pushManager.getSubscription().then((existing) => {
      if (existing || !create) {
        return existing;
      }
      return serverKey().then((key) => reg.pushManager.subscribe({
        userVisibleOnly: true, applicationServerKey: bytes(key.publicKey)
      }));
    }));
  }

  function turnOn(button) {
    return Notification.requestPermission().then((permission) => {
      if (permission !== 'granted') {
        note(button, 'blocked');
        return;
      }
      return subscription(true).then((sub) => {
        const body = Object.assign(sub.toJSON(), target(button));
        return post('/push/subscribe', body).then(() => show(button, true));
      });
    });
  }

  function turnOff(button) {
    return subscription(false).then((sub) => {
      if (!sub) {
        show(button, false);
        return;
      }
      return post('/push/unsubscribe', Object.assign({ endpoint: sub.endpoint }, target(button)))
        .then(() => show(button, false));
    });
  }

  function reveal(button) {
    const holder = button.closest('[data-push-optin]');
    (holder || button).hidden = false;
    button.hidden = false;
    button.addEventListener('click', () => {
      button.disabled = true;
      const action = button.getAttribute('aria-pressed') === 'true' ? turnOff(button) : turnOn(button);
      action.catch(() => note(button, 'failed')).then(() => { button.disabled = false; });
    });
  }

  serverKey().then((key) => {
    if (!key.enabled) {
      return;
    }
    buttons.forEach((button) => {
      button.setAttribute('aria-pressed', 'false');
      reveal(button);
    });
    if (Notification.permission === 'denied') {
      buttons.forEach((button) => note(button, 'blocked'));
      return;
    }
    if (Notification.permission !== 'granted') {
      return;
    }
    // Already allowed: show which of these this browser receives, without asking anything.
    subscription(false).then((sub) => {
      if (!sub) {
        return;
      }
      buttons.forEach((button) => {
        post('/push/status', Object.assign({ endpoint: sub.endpoint }, target(button)))
          .then((answer) => show(button, answer.subscribed)).catch(() => {});
      });
    }).catch(() => {});
  }).catch(() => {});
}());
