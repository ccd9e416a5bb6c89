// News that moves: follows the edition's event stream (one EventSource per page) and keeps the breaking alert banner
// up to date without a reload; passes live-blog entry events on as 'gazette:entry' DOM events for the live-blog
// script. Falls back to polling the cacheable JSON of recent events when the network keeps cutting the stream.
// Optional like every script here: without it the server-rendered banner is what the page shows.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="gazette-events"]');
  if (!meta || !meta.content) { return; }
  var streamUrl = meta.content;
  var POLL_EVERY = 10000;
  var FAILURES_BEFORE_POLLING = 3;
  var lastId = null;
  var failures = 0;
  var source = null;
  var pollTimer = null;
  var expiryTimer = null;
  var seen = [];

  function slot() {
    return document.querySelector('[data-alert-slot]');
  }

  function sameSite(url) {
    if (typeof url !== 'string' || url === '') { return null; }
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.origin === window.location.origin ? parsed.pathname + parsed.search : null;
    } catch (e) {
      return null;
    }
  }

  // Inserting above what the reader looks at would move it: scroll by the difference, so nothing jumps.
  function keepingPosition(change) {
    var place = slot();
    var before = place ? place.offsetHeight : 0;
    change();
    var after = place ? place.offsetHeight : 0;
    if (after !== before && window.scrollY > 0) {
      window.scrollBy(0, after - before);
    }
  }

  function clearBanner(id) {
    var place = slot();
    if (!place) { return; }
    var banner = place.querySelector('.breaking-alert');
    if (!banner || (id != null && banner.getAttribute('data-alert-id') !== String(id))) { return; }
    clearTimeout(expiryTimer);
    keepingPosition(function () { place.removeChild(banner); });
  }

  function showBanner(alert) {
    var place = slot();
    if (!place || !alert || !alert.text) { return; }
    if (alert.expiresAt && Date.parse(alert.expiresAt) <= Date.now()) {
      clearBanner(alert.id);
      return;
    }
    var banner = document.createElement('p');
    banner.className = 'breaking-alert';
    banner.setAttribute('data-alert-id', String(alert.id));
    var label = document.createElement('strong');
    label.className = 'breaking-label';
    label.textContent = place.getAttribute('data-label') || '';
    banner.appendChild(label);
    banner.appendChild(document.createTextNode(' '));
    var href = sameSite(alert.url);
    var line = document.createElement(href ? 'a' : 'span');
    line.className = href ? 'breaking-link' : 'breaking-text';
    if (href) { line.setAttribute('href', href); }
    line.textContent = alert.text;
    banner.appendChild(line);
    var old = place.querySelector('.breaking-alert');
    keepingPosition(function () {
      if (old) { place.replaceChild(banner, old); } else { place.appendChild(banner); }
    });
    clearTimeout(expiryTimer);
    if (alert.expiresAt) {
      var left = Date.parse(alert.expiresAt) - Date.now();
      expiryTimer = setTimeout(function () { clearBanner(alert.id); }, Math.min(left, 2147483647));
    }
  }

  // A reader moving from one node to another may be sent an event twice; each carries its cluster-wide id.
  function firstTime(data) {
    if (!data || !data.event) { return true; }
    if (seen.indexOf(data.event) >= 0) { return false; }
    seen.push(data.event);
    if (seen.length > 200) { seen.shift(); }
    return true;
  }

  function handle(name, data, id) {
    if (id != null && id !== '') { lastId = String(id); }
    if (!firstTime(data)) { return; }
    if (name === 'alert') {
      showBanner(data);
    } else if (name === 'alert-cleared') {
      if (data && data.id != null) { clearBanner(data.id); } else { clearBanner(null); }
    } else if (name === 'entry') {
      document.dispatchEvent(new CustomEvent('gazette:entry', { detail: data }));
    }
  }

  function parse(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  function poll() {
    var url = streamUrl + '/recent' + (lastId ? '?after=' + encodeURIComponent(lastId) : '');
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && body.events) {
          body.events.forEach(function (e) { handle(e.event, e.data, e.id); });
        }
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { pollTimer = setTimeout(poll, POLL_EVERY); });
  }

  function startPolling() {
    if (source) { source.close(); source = null; }
    if (!pollTimer) { poll(); }
  }

  function listen() {
    if (typeof window.EventSource !== 'function') {
      startPolling();
      return;
    }
    // The browser reconnects by itself and sends Last-Event-ID; after several failures in a row, poll instead.
    source = new EventSource(streamUrl);
    ['alert', 'alert-cleared', 'entry'].forEach(function (name) {
      source.addEventListener(name, function (event) { handle(name, parse(event.data), event.lastEventId); });
    });
    source.addEventListener('open', function () { failures = 0; });
    source.addEventListener('error', function () {
      failures += 1;
      if (failures >= FAILURES_BEFORE_POLLING || source.readyState === EventSource.CLOSED) {
        startPolling();
      }
    });
  }

  // A banner rendered with an expiry goes at its end even if nothing else happens.
  var rendered = slot() && slot().querySelector('.breaking-alert[data-expires]');
  if (rendered) {
    var left = Date.parse(rendered.getAttribute('data-expires')) - Date.now();
    var renderedId = rendered.getAttribute('data-alert-id');
    expiryTimer = setTimeout(function () { clearBanner(renderedId); }, Math.max(0, Math.min(left, 2147483647)));
  }
  listen();
  window.addEventListener('pagehide', function () { if (source) { source.close(); source = null; } });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source && !pollTimer) { listen(); }
  });
}());
