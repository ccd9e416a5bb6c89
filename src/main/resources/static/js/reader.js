// The reader page's conveniences. Everything here is optional: the page works without it.
(function () {
  'use strict';
  var root = document.documentElement;
  var FONT_STEPS = 5;
  var DEFAULT_STEP = 1;
  var toastTimer;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* not remembered, still applied */ }
  }

  function effectiveTheme() {
    var chosen = root.getAttribute('data-theme');
    if (chosen) { return chosen; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function showToast(text) {
    var toast = document.querySelector('[data-toast]');
    if (!toast) { return; }
    toast.textContent = text;
    toast.classList.add('visible');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toast.classList.remove('visible'); }, 3000);
  }

  function setupTheme() {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) { return; }
    var sync = function () { button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark')); };
    button.hidden = false;
    sync();
    button.addEventListener('click', function () {
      var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      store('gazette.theme', next);
      sync();
    });
    if (window.matchMedia) {
      var query = window.matchMedia('(prefers-color-scheme: dark)');
      if (query.addEventListener) { query.addEventListener('change', sync); }
    }
  }

  function setupFontSize() {
    var controls = document.querySelector('[data-font-controls]');
    if (!controls) { return; }
    var current = function () {
      var value = parseInt(root.getAttribute('data-font-step'), 10);
      return isNaN(value) ? DEFAULT_STEP : value;
    };
    var buttons = controls.querySelectorAll('[data-font-step]');
    var sync = function () {
      buttons.forEach(function (b) {
        var delta = parseInt(b.getAttribute('data-font-step'), 10);
        var next = current() + delta;
        b.disabled = next < 0 || next >= FONT_STEPS;
      });
    };
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        var next = Math.max(0, Math.min(FONT_STEPS - 1, current() + parseInt(button.getAttribute('data-font-step'), 10)));
        root.setAttribute('data-font-step', String(next));
        store('gazette.fontStep', String(next));
        sync();
      });
    });
    controls.hidden = false;
    sync();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand('copy'); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function setupShare() {
    document.querySelectorAll('[data-js-only]').forEach(function (item) {
      var nativeShare = item.querySelector('[data-native-share]');
      item.hidden = nativeShare ? typeof navigator.share !== 'function' : false;
    });
    var native = document.querySelector('[data-native-share]');
    if (native) {
      native.addEventListener('click', function () {
        navigator.share({ title: native.getAttribute('data-title'), url: native.getAttribute('data-url') })
          .catch(function () { /* the reader closed the sheet */ });
      });
    }
    var print = document.querySelector('[data-print]');
    if (print) {
      print.addEventListener('click', function () { window.print(); });
    }
    var copy = document.querySelector('[data-copy-link]');
    if (copy) {
      copy.addEventListener('click', function () {
        copyText(copy.getAttribute('data-url'))
          .then(function () { showToast(copy.getAttribute('data-done')); })
          .catch(function () { showToast(copy.getAttribute('data-failed')); });
      });
    }
  }

  // Text copied from a story carries a line with a link back to it: the reuse policy, made real.
  function setupAttribution() {
    var body = document.querySelector('.story-body');
    if (!body) { return; }
    document.addEventListener('copy', function (event) {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || !event.clipboardData || selection.rangeCount === 0) { return; }
      var range = selection.getRangeAt(0);
      if (!body.contains(range.commonAncestorContainer)) { return; }
      var url = body.getAttribute('data-url');
      var note = body.getAttribute('data-copy-attribution');
      var holder = document.createElement('div');
      holder.appendChild(range.cloneContents());
      var line = document.createElement('p');
      var link = document.createElement('a');
      link.href = url;
      link.textContent = url;
      line.textContent = note + ' ';
      line.appendChild(link);
      holder.appendChild(line);
      event.clipboardData.setData('text/plain', selection.toString() + '\n\n' + note + ' ' + url);
      event.clipboardData.setData('text/html', holder.innerHTML);
      event.preventDefault();
    });
  }

  function sendViewBeacon() {
    var counter = document.querySelector('[data-beacon]');
    if (!counter || !window.fetch) { return; }
    fetch(counter.getAttribute('data-beacon'), { method: 'POST', keepalive: true, credentials: 'omit' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var number = counter.querySelector('[data-views]');
        if (data && typeof data.views === 'number' && number) {
          number.textContent = String(data.views);
        }
      })
      .catch(function () { /* the count shown stays as rendered */ });
  }

  setupTheme();
  setupFontSize();
  setupShare();
  setupAttribution();
  sendViewBeacon();
}());
