// Passkeys for the newsroom: adds one to the signed-in account (#passkey-add) and signs in with one
// (#passkey-signin), through Spring Security's WebAuthn endpoints. Loaded as a file: the pages carry no inline script.
(function () {
  'use strict';

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64url(value) {
    var base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function withIds(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, { id: fromBase64url(item.id) });
    });
  }

  async function postJson(form, url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[form.dataset.csrfHeader] = form.dataset.csrf;
    var answer = await fetch(url, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!answer.ok) {
      throw new Error('HTTP ' + answer.status);
    }
    return answer.json();
  }

  function showError(form, text) {
    var error = form.querySelector('.notice');
    if (error) {
      error.textContent = text;
      error.hidden = false;
    }
  }

  async function register(form) {
    var options = await postJson(form, '/webauthn/register/options');
    var publicKey = Object.assign({}, options, {
      challenge: fromBase64url(options.challenge),
      user: Object.assign({}, options.user, { id: fromBase64url(options.user.id) }),
      excludeCredentials: withIds(options.excludeCredentials)
    });
    var made = await navigator.credentials.create({ publicKey: publicKey });
    var answer = await postJson(form, '/webauthn/register', {
      publicKey: {
        label: form.querySelector('input[name=label]').value,
        credential: {
          id: made.id,
          rawId: toBase64url(made.rawId),
          type: made.type,
          response: {
            attestationObject: toBase64url(made.response.attestationObject),
            clientDataJSON: toBase64url(made.response.clientDataJSON),
            transports: made.response.getTransports ? made.response.getTransports() : []
          },
          clientExtensionResults: made.getClientExtensionResults(),
          authenticatorAttachment: made.authenticatorAttachment
        }
      }
    });
    if (!answer.success) {
      throw new Error('not registered');
    }
  }

  async function signIn(form) {
    var options = await postJson(form, '/webauthn/authenticate/options');
    var publicKey = Object.assign({}, options, {
      challenge: fromBase64url(options.challenge),
      allowCredentials: withIds(options.allowCredentials)
    });
    var found = await navigator.credentials.get({ publicKey: publicKey });
    var answer = await postJson(form, '/login/webauthn', {
      id: found.id,
      rawId: toBase64url(found.rawId),
      type: found.type,
      response: {
        authenticatorData: toBase64url(found.response.authenticatorData),
        clientDataJSON: toBase64url(found.response.clientDataJSON),
        signature: toBase64url(found.response.signature),
        userHandle: found.response.userHandle ? toBase64url(found.response.userHandle) : undefined
      },
      clientExtensionResults: found.getClientExtensionResults(),
      authenticatorAttachment: found.authenticatorAttachment
    });
    if (!answer.authenticated) {
      throw new Error('not signed in');
    }
    return answer.redirectUrl;
  }

  function start(form, ceremony, done) {
    if (!form) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!window.PublicKeyCredential) {
        showError(form, form.dataset.unsupported);
        return;
      }
      ceremony(form).then(done, function () {
        showError(form, form.dataset.failed);
      });
    });
  }

  var add = document.getElementById('passkey-add');
  start(add, register, function () {
    window.location.assign(add.dataset.after);
  });
  start(document.getElementById('passkey-signin'), signIn, function (next) {
    window.location.assign(next);
  });
}());
