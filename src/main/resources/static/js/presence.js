// Who else has this story open: the editor page says it is here every 15 seconds and shows the names it hears back
// (from every node, through the shared database). Leaving the page says so at once. Without this script the names
// the page was built with still show.
(function () {
  'use strict';
  var form = document.getElementById('story-form');
  var list = document.querySelector('[data-presence-list]');
  if (!form || !list || !form.getAttribute('data-presence') || !window.fetch) {
    return;
  }
  var target = form.getAttribute('data-presence');
  var csrf = form.querySelector('input[data-csrf]');

  function token() {
    var data = new FormData();
    if (csrf) {
      data.append(csrf.name, csrf.value);
    }
    return data;
  }

  function beat() {
    fetch(target, {method: 'POST', body: token(), headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && list.textContent !== answer.text) {
          list.textContent = answer.text;
        }
      })
      .catch(function () { /* the next beat tries again */ });
  }

  window.setInterval(beat, 15000);
  window.addEventListener('pagehide', function () {
    if (navigator.sendBeacon) {
      navigator.sendBeacon(target + '/leave', token());
    }
  });
}());
