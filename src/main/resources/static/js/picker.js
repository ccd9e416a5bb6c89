// The story editor's media picker (ADR 110): one dialog for the featured image and for images in the text.
// Thumbnails a page at a time, search by alt text, caption, credit and file name, filters by edition and "used in
// this story", the story's own images however old, and upload in place (drag and drop, or the file field). What the
// library says about an image is filled in, never typed again; it can be changed for this story. Without this
// script the featured image's select box does the same job.
(function () {
  'use strict';
  var dialog = document.getElementById('media-picker');
  if (!dialog || typeof dialog.showModal !== 'function' || !window.fetch || !window.URLSearchParams) {
    return;
  }
  function $(selector) {
    return dialog.querySelector(selector);
  }
  function text(name, value) {
    return (dialog.getAttribute('data-text-' + name) || '').replace('{0}', value === undefined ? '' : value);
  }
  var filters = $('[data-picker-filters]');
  var words = $('#picker-q');
  var grid = $('[data-picker-grid]');
  var own = $('[data-picker-own]');
  var ownSection = $('[data-picker-own-section]');
  var status = $('[data-picker-status]');
  var more = $('[data-picker-more]');
  var detail = $('[data-picker-detail]');
  var detailError = $('[data-picker-detail-error]');
  var preview = $('[data-picker-preview]');
  var choice = $('[data-picker-choice]');
  var use = $('[data-picker-use]');
  var error = $('[data-picker-error]');
  var drop = $('[data-picker-drop]');
  var file = $('#picker-file');
  var alt = $('#picker-alt');
  var caption = $('#picker-caption');
  var credit = $('#picker-credit');
  var title = $('#picker-title');
  var story = dialog.getAttribute('data-story');
  var edition = dialog.getAttribute('data-edition');
  var select = document.getElementById('image');
  var featured = document.querySelector('[data-picker-featured]');
  var form = document.getElementById('story-form');
  var state = {mode: 'lead', done: null, opener: null, chosen: null, next: null, ticket: 0};
  var typing = null;

  /**
   * The headers of a change: the CSRF token in a header too, so a refused upload whose body cannot be read (too large)
   * still gets the picker's own answer.
   */
  function changeHeaders() {
    var headers = {'Accept': 'application/json'};
    headers[dialog.getAttribute('data-csrf-header')] = dialog.getAttribute('data-csrf-token');
    return headers;
  }

  /** The images the page has now, saved or not: the featured image, then those in the text. */
  function onPage() {
    var ids = [];
    if (select && select.value) {
      ids.push(select.value);
    }
    var editor = window.tinymce && window.tinymce.activeEditor;
    if (editor && editor.initialized) {
      editor.dom.select('figure[data-media-id]').forEach(function (figure) {
        ids.push(figure.getAttribute('data-media-id'));
      });
    }
    return ids.filter(function (id, i) { return /^[0-9]{1,18}$/.test(id) && ids.indexOf(id) === i; }).slice(0, 100);
  }

  function address(page) {
    var params = new URLSearchParams(new FormData(filters));
    params.set('page', String(page));
    if (story) {
      params.set('story', story);
    }
    var ids = onPage();
    if (ids.length) {
      params.set('ids', ids.join(','));
    }
    return dialog.getAttribute('data-endpoint') + '?' + params.toString();
  }

  function tile(item) {
    var li = document.createElement('li');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'nr-picker-item';
    button.setAttribute('aria-pressed', state.chosen && state.chosen.id === item.id ? 'true' : 'false');
    button.setAttribute('data-id', String(item.id));
    var img = document.createElement('img');
    img.src = item.thumbnail;
    img.alt = '';
    img.width = 160;
    img.height = 100;
    img.loading = 'lazy';
    var what = document.createElement('span');
    what.className = 'nr-picker-alt';
    what.textContent = item.alt || text('no-alt');
    var name = document.createElement('span');
    name.className = 'nr-picker-name';
    name.textContent = item.name;
    button.appendChild(img);
    button.appendChild(what);
    button.appendChild(name);
    button.addEventListener('click', function () { choose(item); });
    li.appendChild(button);
    return li;
  }

  function load(page) {
    var ticket = ++state.ticket;
    status.textContent = text('loading');
    fetch(address(page), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, body: body}; });
      })
      .then(function (answer) {
        if (ticket !== state.ticket) {
          return;
        }
        if (!answer.ok) {
          status.textContent = answer.body.detail || text('failed');
          return;
        }
        var first = null;
        if (page === 1) {
          grid.textContent = '';
          own.textContent = '';
          answer.body.story.forEach(function (item) { own.appendChild(tile(item)); });
          ownSection.hidden = answer.body.story.length === 0;
        }
        answer.body.items.forEach(function (item) {
          var li = tile(item);
          first = first || li;
          grid.appendChild(li);
        });
        state.next = answer.body.next;
        more.hidden = !state.next;
        status.textContent = grid.children.length ? text('count', grid.children.length) : text('none');
        if (page > 1 && first) {
          first.firstChild.focus();
        }
      })
      .catch(function () {
        if (ticket === state.ticket) {
          status.textContent = text('failed');
        }
      });
  }

  function showPreview(target, src) {
    target.textContent = '';
    if (src) {
      var img = document.createElement('img');
      img.src = src;
      img.alt = '';
      target.appendChild(img);
    }
  }

  function choose(item) {
    state.chosen = item;
    dialog.querySelectorAll('.nr-picker-item').forEach(function (button) {
      button.setAttribute('aria-pressed', button.getAttribute('data-id') === String(item.id) ? 'true' : 'false');
    });
    // The featured image chosen again keeps what this story says about it; any other starts from the library's.
    var same = state.mode === 'lead' && select && select.value === String(item.id);
    alt.value = same ? document.getElementById('image-alt').value : item.alt;
    caption.value = same ? document.getElementById('image-caption').value : item.caption;
    credit.value = same ? document.getElementById('image-credit').value : item.credit;
    alt.removeAttribute('aria-invalid');
    detailError.textContent = '';
    showPreview(preview, item.thumbnail);
    detail.hidden = false;
    use.disabled = false;
    choice.textContent = text('chosen', item.alt || item.name);
  }

  /** What the library lacks (a picture just uploaded) is written there once, so nobody types it again. */
  function fillInLibrary(item, values) {
    if (item.alt) {
      return Promise.resolve();
    }
    var data = new FormData();
    data.append(dialog.getAttribute('data-csrf-name'), dialog.getAttribute('data-csrf-token'));
    data.append('alt', values.alt);
    data.append('caption', values.caption);
    data.append('credit', values.credit);
    return fetch(dialog.getAttribute('data-describe') + item.id + '/describe', {method: 'POST', body: data,
      headers: changeHeaders(), credentials: 'same-origin'}).catch(function () { /* the story has it */ });
  }

  function useChosen() {
    var item = state.chosen;
    if (!item) {
      return;
    }
    var values = {id: item.id, src: item.src, thumbnail: item.thumbnail, name: item.name, alt: alt.value.trim(),
      caption: caption.value.trim(), credit: credit.value.trim()};
    if (!values.alt) {
      alt.setAttribute('aria-invalid', 'true');
      detailError.textContent = text('alt-required');
      alt.focus();
      return;
    }
    use.disabled = true;
    fillInLibrary(item, values).then(function () {
      var done = state.done;
      var mode = state.mode;
      state.opener = mode === 'lead' ? state.opener : null;
      dialog.close();
      if (mode === 'lead') {
        setFeatured(values);
      } else if (done) {
        done(values);
      }
    });
  }

  function setFeatured(values) {
    if (!select) {
      return;
    }
    var option = Array.prototype.filter.call(select.options, function (o) { return o.value === String(values.id); })[0];
    if (!option) {
      option = new Option(values.alt + ' (' + values.name + ')', String(values.id));
      select.insertBefore(option, select.options[1] || null);
    }
    select.value = String(values.id);
    document.getElementById('image-alt').value = values.alt;
    document.getElementById('image-caption').value = values.caption;
    document.getElementById('image-credit').value = values.credit;
    if (featured) {
      showPreview(featured, values.thumbnail);
    }
    if (form) {
      form.dispatchEvent(new Event('input', {bubbles: true}));
    }
  }

  function upload(chosenFile) {
    if (!chosenFile) {
      return;
    }
    error.textContent = '';
    status.textContent = text('uploading', chosenFile.name);
    var data = new FormData();
    data.append(dialog.getAttribute('data-csrf-name'), dialog.getAttribute('data-csrf-token'));
    data.append('edition', edition);
    data.append('file', chosenFile, chosenFile.name);
    fetch(dialog.getAttribute('data-upload'), {method: 'POST', body: data, headers: changeHeaders(),
      credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, body: body}; },
          function () { return {ok: false, body: {}}; });
      })
      .then(function (answer) {
        if (!answer.ok) {
          status.textContent = '';
          error.textContent = answer.body.detail || text('failed');
          return;
        }
        grid.insertBefore(tile(answer.body), grid.firstChild);
        choose(answer.body);
        status.textContent = text('uploaded', answer.body.name);
        alt.focus();
      })
      .catch(function () {
        status.textContent = '';
        error.textContent = text('failed');
      });
  }

  /** Opens the picker: {@code mode} 'lead' sets the featured image, 'text' hands the choice to {@code done}. */
  function open(mode, done, opener) {
    state.mode = mode === 'text' ? 'text' : 'lead';
    state.done = done || null;
    state.opener = opener || document.activeElement;
    state.chosen = null;
    title.textContent = text('title-' + state.mode);
    use.textContent = text('use-' + state.mode);
    detail.hidden = true;
    use.disabled = true;
    choice.textContent = text('nothing');
    error.textContent = '';
    dialog.showModal();
    words.focus();
    load(1);
  }

  filters.addEventListener('submit', function (event) {
    event.preventDefault();
    load(1);
  });
  words.addEventListener('input', function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { load(1); }, 300);
  });
  filters.addEventListener('change', function (event) {
    if (event.target !== words) {
      load(1);
    }
  });
  more.addEventListener('click', function () {
    if (state.next) {
      load(state.next);
    }
  });
  use.addEventListener('click', useChosen);
  dialog.querySelectorAll('[data-picker-close]').forEach(function (button) {
    button.addEventListener('click', function () { dialog.close(); });
  });
  dialog.addEventListener('close', function () {
    if (state.opener && typeof state.opener.focus === 'function') {
      state.opener.focus();
    }
    state.opener = null;
  });
  file.addEventListener('change', function () {
    upload(file.files[0]);
    file.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (name) {
    dialog.addEventListener(name, function (event) {
      event.preventDefault();
      drop.classList.add('is-over');
    });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    dialog.addEventListener(name, function () { drop.classList.remove('is-over'); });
  });
  dialog.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      upload(event.dataTransfer.files[0]);
    }
  });
  if (select && featured) {
    select.addEventListener('change', function () { showPreview(featured, null); });
  }
  document.querySelectorAll('[data-picker-opener]').forEach(function (p) { p.hidden = false; });
  document.querySelectorAll('[data-picker-open]').forEach(function (button) {
    button.addEventListener('click', function () { open(button.getAttribute('data-picker-open'), null, button); });
  });

  window.GazettePicker = {open: open};
}());
