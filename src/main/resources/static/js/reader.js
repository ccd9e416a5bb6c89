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

  // Suggestions as the reader types into the header search box: stories, sections, tags and authors, in a
  // listbox the arrow keys walk through. Without this the box is a plain form that opens the results page.
  function setupSuggestions() {
    var form = document.querySelector('form[data-suggest]');
    if (!form || !window.fetch) { return; }
    var input = form.querySelector('input[name="q"]');
    var panel = form.querySelector('[data-search-panel]');
    if (!input || !panel) { return; }
    var kinds = ['story', 'section', 'tag', 'author'];
    var options = [];
    var active = -1;
    var timer;
    var asked = 0;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', panel.id);

    function close() {
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', String(i === index));
        option.classList.toggle('active', i === index);
      });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function option(text, href) {
      var link = document.createElement('a');
      link.id = panel.id + '-option-' + options.length;
      link.className = 'search-option';
      link.href = href;
      link.tabIndex = -1;
      link.setAttribute('role', 'option');
      link.setAttribute('aria-selected', 'false');
      link.textContent = text;
      options.push(link);
      return link;
    }

    function render(data, typed) {
      panel.textContent = '';
      options = [];
      active = -1;
      kinds.forEach(function (kind) {
        var items = data.suggestions.filter(function (s) { return s.kind === kind; });
        if (items.length === 0) { return; }
        var group = document.createElement('div');
        group.setAttribute('role', 'group');
        var label = document.createElement('div');
        label.className = 'search-panel-label';
        label.id = panel.id + '-' + kind;
        label.textContent = form.getAttribute('data-label-' + kind);
        group.setAttribute('aria-labelledby', label.id);
        group.appendChild(label);
        items.forEach(function (s) {
          var text = typeof s.stories === 'number' ? s.label + ' (' + s.stories + ')' : s.label;
          group.appendChild(option(text, s.url));
        });
        panel.appendChild(group);
      });
      var all = option(form.getAttribute('data-all').replace('{0}', typed),
        form.getAttribute('action') + '?q=' + encodeURIComponent(typed));
      all.classList.add('search-option-all');
      panel.appendChild(all);
      panel.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function ask(typed) {
      var number = ++asked;
      var url = form.getAttribute('data-suggest') + '&q=' + encodeURIComponent(typed);
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (number !== asked || !data || input.value.trim() !== typed) { return; }
          render(data, typed);
        })
        .catch(function () { /* no suggestions; the form still works */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var typed = input.value.trim();
      if (typed.length < 2) { asked++; close(); return; }
      timer = setTimeout(function () { ask(typed); }, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (panel.hidden) {
        if (event.key === 'ArrowDown' && input.value.trim().length >= 2) { ask(input.value.trim()); event.preventDefault(); }
        return;
      }
      if (event.key === 'ArrowDown') {
        highlight(active + 1 >= options.length ? 0 : active + 1);
        event.preventDefault();
      } else if (event.key === 'ArrowUp') {
        highlight(active <= 0 ? options.length - 1 : active - 1);
        event.preventDefault();
      } else if (event.key === 'Escape') {
        close();
        event.preventDefault();
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].href);
      }
    });
    form.addEventListener('focusout', function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) { close(); }
    });
  }

  // The phone header's menu and search buttons: links to the menu page and the search page without this; with it,
  // buttons that open the menu (accounts, apps, theme) or the search box in the header itself.
  function setupHeader() {
    var header = document.querySelector('[data-site-header]');
    if (!header) { return; }
    [['[data-menu-toggle]', 'menu-open'], ['[data-search-toggle]', 'search-open']].forEach(function (pair) {
      var control = header.querySelector(pair[0]);
      if (!control) { return; }
      control.setAttribute('role', 'button');
      control.setAttribute('aria-expanded', 'false');
      control.addEventListener('click', function (event) {
        event.preventDefault();
        var open = !header.classList.contains(pair[1]);
        header.classList.toggle(pair[1], open);
        control.setAttribute('aria-expanded', String(open));
        if (open && pair[1] === 'search-open') {
          var input = header.querySelector('input[name="q"]');
          if (input) { input.focus(); }
        }
      });
      control.addEventListener('keydown', function (event) {
        if (event.key === ' ') { event.preventDefault(); control.click(); }
      });
    });
  }

  // Listen: the browser's own speech synthesis reads the story, a paragraph per utterance (long utterances stop
  // early in some browsers). Offered only when the browser has a voice for the edition's language; its place is kept
  // from the first paint (site.css), so showing it moves nothing.
  function setupListen() {
    var button = document.querySelector('[data-listen]');
    if (!button || !window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== 'function') { return; }
    var synth = window.speechSynthesis;
    var lang = button.getAttribute('data-lang').toLowerCase();
    var label = button.querySelector('[data-listen-label]');
    var reading = false;

    function voice() {
      var voices = synth.getVoices() || [];
      for (var i = 0; i < voices.length; i++) {
        var code = String(voices[i].lang || '').toLowerCase().replace('_', '-');
        if (code === lang || code.indexOf(lang + '-') === 0) { return voices[i]; }
      }
      return null;
    }

    function show(state) {
      reading = state;
      button.setAttribute('aria-pressed', String(state));
      label.textContent = button.getAttribute(state ? 'data-label-stop' : 'data-label-start');
    }

    function offer() {
      button.hidden = voice() === null;
      if (button.hidden && reading) { synth.cancel(); show(false); }
    }

    function parts() {
      var texts = [];
      ['.story-headline', '.standfirst'].forEach(function (selector) {
        var element = document.querySelector(selector);
        if (element && element.textContent.trim()) { texts.push(element.textContent.trim()); }
      });
      document.querySelectorAll('.story-body p, .story-body h2, .story-body h3, .story-body li, .story-body blockquote')
        .forEach(function (element) {
          var text = element.textContent.trim();
          if (text) { texts.push(text); }
        });
      return texts;
    }

    button.addEventListener('click', function () {
      if (reading) { synth.cancel(); show(false); return; }
      var chosen = voice();
      if (!chosen) { return; }
      synth.cancel();
      var texts = parts();
      texts.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = chosen.lang;
        utterance.voice = chosen;
        if (index === texts.length - 1) {
          utterance.onend = function () { show(false); };
        }
        synth.speak(utterance);
      });
      show(texts.length > 0);
    });
    window.addEventListener('pagehide', function () { synth.cancel(); });
    if (typeof synth.addEventListener === 'function') {
      synth.addEventListener('voiceschanged', offer);
    }
    offer();
  }

  // Wider screens show the search filters unfolded (site.css); open the <details> as well so that every browser and
  // assistive technology agrees. Its content is already laid out, so nothing moves.
  function setupFilters() {
    var fold = document.querySelector('[data-filter-fold]');
    if (fold && window.matchMedia && window.matchMedia('(min-width: 48.01rem)').matches) { fold.open = true; }
  }

  setupHeader();
  setupFilters();
  setupListen();
  setupTheme();
  setupFontSize();
  setupShare();
  setupAttribution();
  sendViewBeacon();
  setupSuggestions();
}());
