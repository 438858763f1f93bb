// The CAPTCHA widget (templates/captcha/widget.html): for every form[data-captcha], fetch a
// challenge, solve it in the background and put the payload into the hidden "captcha" field.
// Nothing to read or click; progress goes to a polite live region. All texts come from the page.
(function () {
  'use strict';

  if (window.RekeyCaptcha) {
    return; // the widget's scripts appear once per form; set up once
  }
  window.RekeyCaptcha = true;

  var RETRY_DELAY_MS = 1500;

  function fetchChallenge(url) {
    return fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function solveOnPage(challenge) {
    return window.RekeyCaptchaSolver.solve(challenge.challenge, challenge.salt, challenge.maxnumber);
  }

  // In a Web Worker when possible, so typing stays smooth; on the page otherwise.
  function findNumber(challenge, workerUrl) {
    if (!window.Worker || !workerUrl) {
      return solveOnPage(challenge);
    }
    return new Promise(function (resolve) {
      var worker;
      try {
        worker = new Worker(workerUrl);
      } catch (e) {
        resolve(solveOnPage(challenge));
        return;
      }
      worker.onmessage = function (event) {
        worker.terminate();
        resolve(event.data.number);
      };
      worker.onerror = function (event) {
        event.preventDefault();
        worker.terminate();
        resolve(solveOnPage(challenge));
      };
      worker.postMessage({
        challenge: challenge.challenge,
        salt: challenge.salt,
        maxnumber: challenge.maxnumber
      });
    });
  }

  function payload(challenge, number) {
    return btoa(
      JSON.stringify({
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        number: number,
        salt: challenge.salt,
        signature: challenge.signature
      })
    );
  }

  function setUp(form) {
    var widget = form.querySelector('[data-captcha-widget]');
    if (!widget) {
      return;
    }
    var d = widget.dataset;
    var field = widget.querySelector('input[name="captcha"]');
    var status = widget.querySelector('[data-captcha-status]');
    var state = 'working';
    var waiting = false;
    var submitter = null;

    function show(newState, text) {
      state = newState === 'retrying' ? 'working' : newState;
      widget.setAttribute('data-state', newState);
      status.textContent = text || '';
    }

    // Submitted before the work is done: hold the submission and send it when it is.
    form.addEventListener('submit', function (event) {
      if (state !== 'working') {
        return; // solved, or failed for good (then the server explains)
      }
      event.preventDefault();
      waiting = true;
      submitter = event.submitter || null;
      form.setAttribute('aria-busy', 'true');
    });

    function release() {
      form.removeAttribute('aria-busy');
      if (!waiting || state !== 'done') {
        waiting = false;
        return;
      }
      waiting = false;
      if (form.requestSubmit) {
        if (submitter) {
          form.requestSubmit(submitter);
        } else {
          form.requestSubmit();
        }
      } else {
        form.submit();
      }
    }

    function attempt(isRetry) {
      show(isRetry ? 'retrying' : 'working', isRetry ? d.msgRetrying : d.msgWorking);
      fetchChallenge(d.captchaUrl)
        .then(function (challenge) {
          return findNumber(challenge, d.captchaWorker).then(function (number) {
            if (number === null || number === undefined) {
              throw new Error('unsolved');
            }
            return payload(challenge, number);
          });
        })
        .then(function (value) {
          field.value = value;
          show('done', d.msgDone);
          release();
        })
        .catch(function () {
          if (!isRetry) {
            show('retrying', d.msgRetrying);
            setTimeout(function () {
              attempt(true);
            }, RETRY_DELAY_MS);
          } else {
            show('failed', d.msgFailed);
            release();
          }
        });
    }

    attempt(false);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-captcha]'), setUp);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
