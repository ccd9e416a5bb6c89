/*
 * Live blog: keeps an open live blog page up to date without reloading it. live.js passes each live-blog event of the
 * edition's stream on as a `gazette:entry` DOM event ({storyId, entryId, change}); this script fetches what changed as
 * server-rendered HTML from /{edition}/live-blogs/{storyId}/… and puts it in the page:
 *  - new entries go on top when the reader is at the top of the entries; a reader further down gets a button
 *    "3 new updates" instead (the page does not move) that shows them and scrolls up to them;
 *  - an edited entry is replaced where it is, a removed one disappears; when that happens above the reader's view the
 *    page is scrolled by the difference, so what the reader is looking at stays put;
 *  - start, end and key points replace the head of the live blog.
 * Without script the page is complete as the server rendered it.
 */
(function () {
  'use strict';

  var blog = document.querySelector('[data-live-blog]');
  if (!blog || !window.fetch) {
    return;
  }
  var storyId = Number(blog.getAttribute('data-live-blog'));
  var base = blog.getAttribute('data-fragments');
  var list = blog.querySelector('[data-live-entries]');
  var button = blog.querySelector('[data-live-new]');
  var firstPage = blog.getAttribute('data-first-page') === 'true';
  var newest = Number(blog.getAttribute('data-newest')) || 0;
  var pending = [];
  var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(blog.getAttribute('data-lang') || 'en') : null;
  var queue = Promise.resolve();

  function label(count) {
    var category = rules ? rules.select(count) : (count === 1 ? 'one' : 'other');
    var text = blog.getAttribute('data-' + category) || blog.getAttribute('data-other');
    return text.replace('{0}', String(count));
  }

  function get(path) {
    return fetch(base + path, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (answer) {
      if (answer.status === 404) {
        return null;
      }
      if (!answer.ok) {
        throw new Error('HTTP ' + answer.status);
      }
      return answer.text();
    });
  }

  function parse(html, selector) {
    var holder = document.createElement('template');
    holder.innerHTML = html;
    return Array.prototype.slice.call(holder.content.querySelectorAll(selector));
  }

  function entryId(element) {
    return Number(element.getAttribute('data-entry-id'));
  }

  function shown(id) {
    return list.querySelector('[data-entry-id="' + id + '"]');
  }

  /** The reader sees the top of the entries (or has not yet scrolled down to them). */
  function nearTop() {
    return list.getBoundingClientRect().top >= -48;
  }

  /** Changes an element in place; when it is above the reader's view, scrolls by the change in height. */
  function steady(element, change) {
    var rect = element.getBoundingClientRect();
    var above = rect.bottom <= 0;
    var before = rect.height;
    var after = change();
    if (above) {
      window.scrollBy(0, (after ? after.getBoundingClientRect().height : 0) - before);
    }
  }

  function updateButton() {
    if (pending.length === 0) {
      button.hidden = true;
      button.textContent = '';
      return;
    }
    button.textContent = label(pending.length);
    button.hidden = false;
  }

  function reveal(scroll) {
    var empty = blog.querySelector('[data-live-empty]');
    if (empty && pending.length > 0) {
      empty.remove();
    }
    for (var i = pending.length - 1; i >= 0; i--) {
      list.insertBefore(pending[i], list.firstChild);
    }
    pending = [];
    updateButton();
    if (scroll) {
      blog.scrollIntoView({ block: 'start' });
      var first = list.querySelector('.live-entry');
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: true });
      }
    }
  }

  /**
   * Fetches the entries after the newest shown. The announced entry's id is part of the address, so a copy of
   * "entries after N" cached before that entry was saved (the purge may still be on its way) is never the answer.
   */
  function added(announced) {
    if (!firstPage) {
      return Promise.resolve();
    }
    var upTo = announced > 0 ? '&upto=' + announced : '';
    return get('/entries?after=' + newest + upTo).then(function (html) {
      if (html === null) {
        return;
      }
      var fresh = parse(html, '.live-entry').filter(function (element) {
        return !shown(entryId(element)) && !pending.some(function (p) { return entryId(p) === entryId(element); });
      });
      fresh.forEach(function (element) {
        newest = Math.max(newest, entryId(element));
      });
      pending = fresh.concat(pending);
      if (nearTop()) {
        reveal(false);
      } else {
        updateButton();
      }
    });
  }

  function edited(id) {
    var current = shown(id);
    var waiting = pending.filter(function (p) { return entryId(p) === id; })[0];
    if (!current && !waiting) {
      return Promise.resolve();
    }
    return get('/entries/' + id).then(function (html) {
      var replacement = html === null ? null : parse(html, '.live-entry')[0];
      if (waiting) {
        pending = pending.map(function (p) { return p === waiting ? replacement : p; }).filter(Boolean);
        updateButton();
      }
      if (current) {
        steady(current, function () {
          if (replacement) {
            current.replaceWith(replacement);
          } else {
            current.remove();
          }
          return replacement;
        });
      }
    });
  }

  function removed(id) {
    pending = pending.filter(function (p) { return entryId(p) !== id; });
    updateButton();
    var current = shown(id);
    if (current) {
      steady(current, function () {
        current.remove();
        return null;
      });
    }
    return Promise.resolve();
  }

  function head() {
    return get('/head').then(function (html) {
      var current = document.querySelector('[data-live-head]');
      var replacement = html === null ? null : parse(html, '[data-live-head]')[0];
      if (current && replacement) {
        steady(current, function () {
          current.replaceWith(replacement);
          return replacement;
        });
      }
    });
  }

  function handle(detail) {
    var id = Number(detail.entryId);
    switch (detail.change) {
      case 'ADDED': return added(id);
      case 'EDITED': return edited(id);
      case 'REMOVED': return removed(id);
      case 'STARTED':
      case 'ENDED':
      case 'KEY_POINTS': return head();
      default: return Promise.resolve();
    }
  }

  document.addEventListener('gazette:entry', function (event) {
    var detail = event.detail || {};
    if (Number(detail.storyId) !== storyId) {
      return;
    }
    // One change at a time, in the order they came: an edit never overtakes the addition of its entry.
    queue = queue.then(function () { return handle(detail); }).catch(function () { /* the next change tries again */ });
  });

  button.addEventListener('click', function () {
    reveal(true);
  });
}());
