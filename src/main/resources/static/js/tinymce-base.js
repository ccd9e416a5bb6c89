// What every TinyMCE of the newsroom shares, the story editor's (editor.js) and the live-blog screen's (entry-editor.js):
// where TinyMCE's files are, its interface in the person's language, the plugins of the text tools, no menu bar, status
// bar or offers, links without a title or a target and with whole addresses, and the text the story sanitizer keeps.
// Each screen adds its own toolbar, size and setup. Loaded after tinymce.min.js and before the screen's script.
(function () {
  'use strict';
  if (!window.tinymce) {
    return;
  }
  // The text blocks and marks a story body and an entry keep (story/StoryBodies); the story editor adds its figures.
  var textElements = 'p,h2,h3,ul,ol,li,blockquote,strong/b,em/i,sub,sup,br,a[href]';
  var translated = {};

  /**
   * The options of one editor: the shared ones, then the screen's own over them. {@code source} is the element that
   * carries where TinyMCE is (data-tinymce), the person's language (data-language) and TinyMCE's texts in it
   * (data-tinymce-texts).
   */
  function options(source, own) {
    var language = source.getAttribute('data-language');
    if (language !== 'en' && !translated[language]) {
      window.tinymce.addI18n(language, JSON.parse(source.getAttribute('data-tinymce-texts')));
      translated[language] = true;
    }
    var all = {
      base_url: source.getAttribute('data-tinymce').replace(/\/tinymce\.min\.js$/, ''),
      suffix: '.min',
      language: language === 'en' ? undefined : language,
      plugins: 'lists link',
      menubar: false,
      statusbar: false,
      promotion: false,
      branding: false,
      valid_elements: textElements,
      link_title: false,
      link_target_list: false,
      relative_urls: false
    };
    Object.keys(own).forEach(function (name) {
      all[name] = own[name];
    });
    return all;
  }

  window.GazetteTinymce = {textElements: textElements, options: options};
}());
