// The newsroom's story editor: TinyMCE on the body field, with Gazette's own image and embed buttons, its
// interface in the person's language, and autosave. Loaded only on editor pages, after tinymce.min.js and
// tinymce-base.js (the options every newsroom editor shares).
(function () {
  'use strict';
  var area = document.getElementById('story-body');
  if (!area || !window.tinymce || !window.GazetteTinymce) {
    return;
  }
  var form = document.getElementById('story-form');
  var texts = JSON.parse(area.getAttribute('data-texts'));
  var embeddable = /^https?:\/\/(www\.|m\.|mobile\.)?(youtube\.com|youtu\.be|youtube-nocookie\.com|x\.com|twitter\.com|t\.me|telegram\.me|instagram\.com)\//i;
  var dirty = false;
  var readOnly = area.hasAttribute('data-readonly');
  var leaving = false;
  // Nothing typed is lost by walking away: the browser asks before leaving a page with unsaved changes. Saving and
  // every workflow button submit the form, which saves what is on screen first.
  form.addEventListener('submit', function () { leaving = true; });
  window.addEventListener('beforeunload', function (event) {
    if (dirty && !leaving && !readOnly) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  function escape(editor, text) {
    return editor.dom.encode(text || '');
  }

  /**
   * Puts an image or embed into the body as a block of its own, after the block the caret is in (or after the
   * selected image or embed), and then the caret into a paragraph after it. insertContent, which this replaces, put
   * the caret into the uneditable figure, so the next words typed went into it and were dropped when the body was
   * saved; and with an image selected it replaced the image. {@code remembered} is the node the caret was in when a
   * dialog took the focus, if any.
   */
  function insertBlock(editor, html, remembered) {
    var body = editor.getBody();
    editor.focus();
    editor.undoManager.transact(function () {
      var anchor = remembered && body.contains(remembered) ? remembered : editor.selection.getNode();
      while (anchor && anchor !== body && anchor.parentNode !== body) {
        anchor = anchor.parentNode;
      }
      var block = editor.dom.createFragment(html).firstChild;
      var empty = anchor && anchor !== body && anchor.nodeName === 'P' && !anchor.textContent.trim()
        && !anchor.querySelector('img');
      if (empty) {
        body.insertBefore(block, anchor);
      } else if (anchor && anchor !== body) {
        body.insertBefore(block, anchor.nextSibling);
      } else {
        body.appendChild(block);
      }
      var next = block.nextSibling;
      if (!next || next.nodeName !== 'P') {
        next = editor.dom.create('p', {}, '<br data-mce-bogus="1">');
        body.insertBefore(next, block.nextSibling);
      }
      editor.selection.setCursorLocation(next, 0);
    });
    dirty = true;
    editor.nodeChanged();
  }

  /**
   * The toolbar's image button opens the media picker (picker.js), the same one as the featured image's. The block
   * the caret is in is remembered before the picker takes the focus, so the image goes after it.
   */
  function insertImage(editor) {
    if (!window.GazettePicker) {
      editor.notificationManager.open({text: texts['image-none'], type: 'info', timeout: 4000});
      return;
    }
    var anchor = editor.selection.getNode();
    window.GazettePicker.open('text', function (chosen) {
      var caption = escape(editor, chosen.caption) + (chosen.credit ? ' <cite>' + escape(editor, chosen.credit) + '</cite>' : '');
      insertBlock(editor, '<figure class="story-image" contenteditable="false" data-media-id="' + chosen.id + '">'
        + '<img src="' + escape(editor, chosen.src) + '" alt="' + escape(editor, chosen.alt) + '">'
        + (chosen.caption || chosen.credit ? '<figcaption>' + caption + '</figcaption>' : '') + '</figure>', anchor);
    });
  }

  function insertEmbed(editor) {
    editor.windowManager.open({
      title: texts.embed,
      body: {type: 'panel', items: [{type: 'input', name: 'url', label: texts['embed-url']}]},
      buttons: [{type: 'cancel', text: texts.cancel}, {type: 'submit', text: texts.insert, primary: true}],
      onSubmit: function (dialog) {
        var url = dialog.getData().url.trim();
        if (!embeddable.test(url)) {
          editor.notificationManager.open({text: texts['embed-refused'], type: 'error', timeout: 5000});
          return;
        }
        dialog.close();
        insertBlock(editor, '<figure class="embed" contenteditable="false" data-embed="">'
          + '<a href="' + escape(editor, url) + '">' + escape(editor, url) + '</a></figure>');
      }
    });
  }

  function showStatus(text) {
    var status = document.querySelector('[data-autosave-status]');
    if (status) {
      status.textContent = text;
    }
  }

  function autosave(editor) {
    var target = form.getAttribute('data-autosave');
    if (!target || !dirty) {
      return;
    }
    editor.save();
    dirty = false;
    fetch(target, {method: 'POST', body: new FormData(form), headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, status: response.status, body: body}; });
      })
      .then(function (answer) {
        if (answer.ok) {
          form.querySelector('input[name="version"]').value = answer.body.version;
          showStatus(texts.autosaved);
        } else {
          // The database away for a moment (503): nothing was saved, so the next round sends the text again.
          dirty = dirty || answer.status === 503;
          showStatus(answer.status === 409 ? texts['autosave-conflict'] : answer.body.detail || texts['autosave-failed']);
        }
      })
      .catch(function () {
        dirty = true;
        showStatus(texts['autosave-failed']);
      });
  }

  window.tinymce.init(window.GazetteTinymce.options(area, {
    target: area,
    readonly: readOnly,
    height: 480,
    toolbar: 'undo redo | blocks | bold italic subscript superscript | bullist numlist blockquote | link unlink | gazetteimage gazetteembed',
    block_formats: texts.paragraph + '=p;' + texts.heading2 + '=h2;' + texts.heading3 + '=h3',
    valid_elements: window.GazetteTinymce.textElements + ','
      + 'figure[class|contenteditable|data-media-id|data-embed],img[src|alt],figcaption,cite',
    setup: function (editor) {
      editor.ui.registry.addButton('gazetteimage', {icon: 'image', tooltip: texts.image, onAction: function () { insertImage(editor); }});
      editor.ui.registry.addButton('gazetteembed', {icon: 'embed', tooltip: texts.embed, onAction: function () { insertEmbed(editor); }});
      editor.on('input change undo redo SetContent', function () { dirty = true; });
      editor.on('init', function () { dirty = false; });
      form.addEventListener('input', function () { dirty = true; });
      window.setInterval(function () { autosave(editor); }, 15000);
    }
  }));
}());
