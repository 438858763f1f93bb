// Step-up with a security key on the verify page: request options, navigator.credentials.get, send
// the assertion, then continue to the page the user was going to (helpers in webauthn-common.js).
(function () {
  'use strict';

  var button = document.getElementById('webauthn-stepup');
  if (!button) {
    return;
  }
  var d = button.dataset;
  var errorBox = document.getElementById('webauthn-stepup-error');
  var W = window.RekeyWebAuthn;

  function showError(text) {
    var p = document.createElement('p');
    p.className = 'alert alert--error';
    p.textContent = text;
    errorBox.replaceChildren(p);
  }

  function requestOptions(json) {
    var options = JSON.parse(JSON.stringify(json));
    options.challenge = W.toBytes(json.challenge);
    options.allowCredentials = (json.allowCredentials || []).map(function (c) {
      return { type: c.type, id: W.toBytes(c.id), transports: c.transports };
    });
    return options;
  }

  function assertionJson(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: W.toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response: {
        clientDataJSON: W.toBase64url(r.clientDataJSON),
        authenticatorData: W.toBase64url(r.authenticatorData),
        signature: W.toBase64url(r.signature),
        userHandle: r.userHandle ? W.toBase64url(r.userHandle) : null
      }
    };
  }

  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
    showError(d.msgUnsupported);
    button.disabled = true;
    return;
  }

  button.addEventListener('click', function () {
    errorBox.replaceChildren();
    button.disabled = true;
    // In the reset portal the options come from the flow's challenges call, for one method.
    W.post(d.optionsUrl, d.methodId ? { methodId: d.methodId } : undefined)
      .then(function (options) {
        if (!options.ok) {
          showError((options.json && options.json.detail) || d.msgFailed);
          return null;
        }
        var json = options.json.publicKey || options.json;
        return navigator.credentials.get({ publicKey: requestOptions(json) })
          .then(function (credential) {
            var body = { credential: assertionJson(credential) };
            if (d.methodId) {
              body.methodId = d.methodId;
            }
            return W.post(d.assertionUrl, body);
          }, function (error) {
            showError(error && error.name === 'NotAllowedError' ? d.msgCancelled : d.msgFailed);
            return null;
          });
      })
      .then(function (result) {
        if (result && result.ok) {
          window.location.assign(d.next);
        } else if (result) {
          showError((result.json && result.json.detail) || d.msgFailed);
        }
      })
      .catch(function () {
        showError(d.msgFailed);
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
