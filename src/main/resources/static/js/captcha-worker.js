// Solves one CAPTCHA challenge off the main thread (helpers in captcha-solver.js).
// In: {challenge, salt, maxnumber}; out: {number} (null when no number matches).
importScripts('captcha-solver.js');

self.onmessage = function (event) {
  var task = event.data;
  self.RekeyCaptchaSolver.solve(task.challenge, task.salt, task.maxnumber).then(
    function (number) {
      self.postMessage({ number: number });
    },
    function () {
      self.postMessage({ number: null });
    }
  );
};
