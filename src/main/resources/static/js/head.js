// Runs before the page paints: applies the reader's saved theme and text size, so nothing flashes.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var theme = localStorage.getItem('gazette.theme');
    if (theme === 'dark' || theme === 'light') {
      root.setAttribute('data-theme', theme);
    }
    var step = localStorage.getItem('gazette.fontStep');
    if (step !== null && /^[0-4]$/.test(step)) {
      root.setAttribute('data-font-step', step);
    }
  } catch (e) {
    // Storage can be blocked by privacy settings; the system theme and default size apply then.
  }
}());
