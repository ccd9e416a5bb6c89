/* Gazette's service worker (served as /sw.js from the site's own origin, scope /): shows the Web Push notifications
   the site sends and opens their page on a click. It caches nothing and loads no other script. */
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Only paths on this site are opened; anything else opens the front page. */
function samePath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/';
}

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = { body: event.data ? event.data.text() : '' };
  }
  const options = { body: message.body || '', data: { url: samePath(message.url), id: message.id || null } };
  event.waitUntil(show(message.title || self.location.host, message, options));
});

/**
 * A message with a tag (its topic) replaces the notification of that tag. The same message arriving again (a request
 * to the push service that timed out had arrived after all, and was sent again) replaces it without a sound or a
 * buzz; a newer one alerts again.
 */
function show(title, message, options) {
  if (!message.tag) {
    return self.registration.showNotification(title, options);
  }
  options.tag = message.tag;
  return self.registration.getNotifications({ tag: message.tag }).then((open) => {
    options.renotify = !(message.id && open.some((shown) => shown.data && shown.data.id === message.id));
    return self.registration.showNotification(title, options);
  });
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(samePath(event.notification.data && event.notification.data.url), self.location.origin).href;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    for (const open of windows) {
      if (open.url === target && 'focus' in open) {
        return open.focus();
      }
    }
    return self.clients.openWindow(target);
  }));
});
