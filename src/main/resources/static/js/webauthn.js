// Registers a security key or passkey (helpers in webauthn-common.js): fetches creation options from the API, asks the browser to
// create a credential, and sends it back for verification. All texts come from data-* attributes
// (localised by the server); no inline script is needed (Content-Security-Policy: script-src 'self').
(function () {
  'use strict';

  var form = document.getElementById('webauthn-register');
  if (!form) {
    return;
  }
  var d = form.dataset;
  var errorBox = document.getElementById('webauthn-error');
  var status = document.getElementById('webauthn-status');
  var nameInput = document.getElementById('key-name');
  var nameError = document.getElementById('key-name-error');
  var button = document.getElementById('register-key');

  var W = window.RekeyWebAuthn;
  var toBytes = W.toBytes;
  var toBase64url = W.toBase64url;
  var post = W.post;

  function clearErrors() {
    errorBox.replaceChildren();
    nameError.hidden = true;
    nameError.textContent = '';
    nameInput.removeAttribute('aria-invalid');
    nameInput.setAttribute('aria-describedby', 'key-name-hint');
    document.getElementById('key-name-field').classList.remove('field--error');
  }

  function showError(text) {
    status.textContent = '';
    var p = document.createElement('p');
    p.className = 'alert alert--error';
    p.textContent = text;
    errorBox.replaceChildren(p);
  }

  function showNameError(text) {
    status.textContent = '';
    nameError.textContent = text;
    nameError.hidden = false;
    nameInput.setAttribute('aria-invalid', 'true');
    nameInput.setAttribute('aria-describedby', 'key-name-hint key-name-error');
    document.getElementById('key-name-field').classList.add('field--error');
    nameInput.focus();
  }

  function showProblem(result) {
    var problem = result.json || {};
    if (problem.field === 'displayName' && problem.detail) {
      showNameError(problem.detail);
    } else {
      showError(problem.detail || d.msgFailed);
    }
  }

  function creationOptions(json) {
    var options = JSON.parse(JSON.stringify(json));
    options.challenge = toBytes(json.challenge);
    options.user.id = toBytes(json.user.id);
    options.excludeCredentials = (json.excludeCredentials || []).map(function (c) {
      return { type: c.type, id: toBytes(c.id), transports: c.transports };
    });
    return options;
  }

  function credentialJson(credential) {
    var response = credential.response;
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response: {
        clientDataJSON: toBase64url(response.clientDataJSON),
        attestationObject: toBase64url(response.attestationObject),
        transports: response.getTransports ? response.getTransports() : []
      }
    };
  }

  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
    showError(d.msgUnsupported);
    button.disabled = true;
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var displayName = nameInput.value.trim();
    if (!displayName) {
      showNameError(d.msgNameRequired);
      return;
    }
    button.disabled = true;
    status.textContent = d.msgWorking;
    post(d.optionsUrl)
      .then(function (options) {
        if (!options.ok) {
          showProblem(options);
          return null;
        }
        return navigator.credentials.create({ publicKey: creationOptions(options.json) })
          .then(function (credential) {
            return post(d.registerUrl, { displayName: displayName, credential: credentialJson(credential) });
          }, function (error) {
            var name = error && error.name;
            showError(name === 'InvalidStateError' ? d.msgExists
              : name === 'NotAllowedError' ? d.msgCancelled : d.msgFailed);
            return null;
          });
      })
      .then(function (result) {
        if (result && result.ok) {
          window.location.assign(d.doneUrl);
        } else if (result) {
          showProblem(result);
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
