// The live password strength meter (SPEC §5 step 5, §7). For every input with data-evaluate-url:
// after typing pauses, POST {newPassword} to that URL and show the strength and every reason in
// the meter (an aria-live region the input names in aria-describedby). All words come from the
// page (data-* attributes); the server still checks everything on submit.
(function () {
  'use strict';

  var DELAY_MS = 250;

  function xsrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function render(meter, answer) {
    var text = meter.querySelector('.password-meter__text');
    var list = meter.querySelector('.password-meter__reasons');
    list.textContent = '';
    if (!answer) {
      meter.hidden = true;
      meter.removeAttribute('data-strength');
      text.textContent = '';
      return;
    }
    var strength = Math.max(0, Math.min(4, Number(answer.strength) || 0));
    meter.hidden = false;
    meter.setAttribute('data-strength', String(strength));
    meter.setAttribute('data-acceptable', answer.acceptable ? 'true' : 'false');
    text.textContent = meter.getAttribute('data-label') + ' ' +
      meter.getAttribute('data-strength-' + strength);
    (answer.reasons || []).forEach(function (reason) {
      var item = document.createElement('li');
      item.textContent = reason.message;
      item.setAttribute('data-code', reason.code);
      list.appendChild(item);
    });
  }

  function attach(input) {
    var meter = document.getElementById(input.getAttribute('data-meter'));
    var url = input.getAttribute('data-evaluate-url');
    if (!meter || !url || !window.fetch) {
      return;
    }
    var timer = null;
    var latest = 0;

    function evaluate() {
      var request = ++latest;
      var value = input.value;
      if (value === '') {
        render(meter, null);
        return;
      }
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'X-XSRF-TOKEN': xsrfToken()
        },
        body: JSON.stringify({ newPassword: value })
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        // Answers can overtake each other; only the newest one counts.
        if (answer && request === latest) {
          render(meter, answer);
        }
      }).catch(function () {
        // No meter without the server; the form still works and the server checks on submit.
      });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(evaluate, DELAY_MS);
    });
  }

  document.querySelectorAll('input[data-evaluate-url]').forEach(attach);
})();
