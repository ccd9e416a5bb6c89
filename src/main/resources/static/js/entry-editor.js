// The live-blog screen's rich text: TinyMCE on the text of the new entry, of each entry and on the key points, with
// the story editor's text tools (bold, italic, lists, quotations, links) and its interface in the person's language.
// The textareas stay the form's fields: TinyMCE writes the HTML back into them when their form is sent, and without
// this script they take the same HTML typed by hand. Loaded after tinymce.min.js and tinymce-base.js (the options every
// newsroom editor shares); the server sanitizes on save.
(function () {
  'use strict';
  var script = document.currentScript;
  var areas = Array.prototype.slice.call(document.querySelectorAll('textarea[data-rich-text]'));
  if (!script || !areas.length || !window.tinymce || !window.GazetteTinymce) {
    return;
  }

  /** Puts the editor on one textarea, once; a textarea that had the focus gives it to the editor. */
  function start(area) {
    if (area.hasAttribute('data-rich-started')) {
      return;
    }
    area.setAttribute('data-rich-started', '');
    var focused = document.activeElement === area;
    window.tinymce.init(window.GazetteTinymce.options(script, {
      target: area,
      width: '100%',
      height: area.id === 'key-points' ? 220 : 260,
      // The base's text elements are what an entry's text may hold (story/StoryBodies keeps text blocks only), so
      // headings and sub/superscripts an entry already has are kept, though this toolbar does not offer them.
      toolbar: 'undo redo | bold italic | bullist numlist blockquote | link unlink',
      // Each editor is named after its field ("Entry 12: Text"), its frame and the text in it, so the page's
      // editors are told apart (TinyMCE names every frame "Rich Text Area").
      iframe_aria_text: area.getAttribute('data-rich-text'),
      setup: function (editor) {
        editor.on('init', function () {
          editor.iframeElement.setAttribute('title', area.getAttribute('data-rich-text'));
          if (focused) {
            editor.focus();
          }
        });
      }
    }));
  }

  // Text typed into one form and not sent is lost when another form is sent (each form leaves the page) or the page
  // is left: the browser asks first. Sending the form whose text was typed does not ask. A form that came back refused
  // (data-refused) holds what was typed and not saved, though it arrived with the page: it counts as typed.
  var sending = null;
  document.addEventListener('submit', function (event) {
    sending = event.target;
  }, true);
  function unsent(form) {
    if (form.hasAttribute('data-refused')) {
      return true;
    }
    var typed = window.tinymce.get().some(function (editor) {
      return editor.getElement().form === form && editor.isDirty();
    });
    return typed || Array.prototype.some.call(form.querySelectorAll('input[type=text], input[type=url], textarea'),
        function (field) {
          return !field.hasAttribute('data-rich-started') && field.value !== field.defaultValue;
        });
  }
  window.addEventListener('beforeunload', function (event) {
    var leaving = sending;
    sending = null;
    var forms = Array.prototype.filter.call(document.forms, function (form) { return form !== leaving; });
    if (forms.some(unsent)) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // A long live blog has a form for each of its entries: each editor starts when its form comes near the screen,
  // not two hundred at once.
  if (!('IntersectionObserver' in window)) {
    areas.forEach(start);
    return;
  }
  var watcher = new IntersectionObserver(function (seen) {
    seen.forEach(function (one) {
      if (one.isIntersecting) {
        watcher.unobserve(one.target);
        start(one.target);
      }
    });
  }, {rootMargin: '400px 0px'});
  areas.forEach(function (area) {
    watcher.observe(area);
    area.addEventListener('focus', function () { start(area); });
  });
}());
