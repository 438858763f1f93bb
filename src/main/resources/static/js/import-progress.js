// Keeps the import progress page current: polls the import's API resource every second, moves the
// <progress> bar and its text, and reloads the page once the import is over so the server renders
// the report of skipped lines in the reader's language. Without script, the refresh link does it.
(function () {
  'use strict';
  var section = document.querySelector('[data-import-progress]');
  if (!section) {
    return;
  }
  var url = section.getAttribute('data-import-progress');
  var bar = document.getElementById('import-bar');
  var text = document.getElementById('import-text');
  var counts = document.getElementById('import-counts');
  var failures = 0;

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (match, index) {
      return String(values[Number(index)]);
    });
  }

  function show(job) {
    var max = job.total > 0 ? job.total : 1;
    bar.max = max;
    bar.value = job.total > 0 ? job.done : 1;
    bar.textContent = job.percent + '%';
    text.textContent = fill(section.getAttribute('data-text'), [job.done, job.total, job.percent]);
    counts.textContent = fill(section.getAttribute('data-counts'), [job.ok, job.failed]);
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (job) {
        failures = 0;
        show(job);
        if (job.status === 'finished' || job.status === 'failed') {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        // Give up quietly after a few failures; the refresh link still works.
        if (++failures < 5) {
          window.setTimeout(poll, 1000);
        }
      });
  }

  window.setTimeout(poll, 1000);
})();
