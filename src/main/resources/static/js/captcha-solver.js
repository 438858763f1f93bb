// Proof-of-work solver for the ALTCHA-format CAPTCHA (SPEC Appendix A), shared by the page and the
// Web Worker: find n in [0, maxnumber] with hex(sha256(salt + n)) == challenge. Uses
// crypto.subtle where the browser offers it; crypto.subtle exists only in secure contexts (HTTPS
// or localhost), so a plain-HTTP deployment falls back to the SHA-256 below (FIPS 180-4).
(function (root) {
  'use strict';

  var K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ];
  var W = new Int32Array(64);

  function utf8(text) {
    if (typeof TextEncoder !== 'undefined') {
      return new TextEncoder().encode(text);
    }
    var binary = unescape(encodeURIComponent(text));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  function rotr(x, n) {
    return (x >>> n) | (x << (32 - n));
  }

  // SHA-256 of a byte array (FIPS 180-4 §6.2), as 32 bytes.
  function sha256Bytes(message) {
    var length = message.length;
    var padded = new Uint8Array((((length + 9 + 63) / 64) | 0) * 64);
    padded.set(message);
    padded[length] = 0x80;
    var end = padded.length;
    var bitsHigh = Math.floor(length / 0x20000000);
    var bitsLow = (length << 3) >>> 0;
    padded[end - 8] = bitsHigh >>> 24;
    padded[end - 7] = bitsHigh >>> 16;
    padded[end - 6] = bitsHigh >>> 8;
    padded[end - 5] = bitsHigh;
    padded[end - 4] = bitsLow >>> 24;
    padded[end - 3] = bitsLow >>> 16;
    padded[end - 2] = bitsLow >>> 8;
    padded[end - 1] = bitsLow;

    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
    var h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var block = 0; block < end; block += 64) {
      var t;
      for (t = 0; t < 16; t++) {
        var j = block + t * 4;
        W[t] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
      }
      for (t = 16; t < 64; t++) {
        var w15 = W[t - 15], w2 = W[t - 2];
        var s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
        var s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
      for (t = 0; t < 64; t++) {
        var sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var choice = (e & f) ^ (~e & g);
        var t1 = (h + sum1 + choice + K[t] + W[t]) | 0;
        var sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var majority = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (sum0 + majority) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0;
      h1 = (h1 + b) | 0;
      h2 = (h2 + c) | 0;
      h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0;
      h5 = (h5 + f) | 0;
      h6 = (h6 + g) | 0;
      h7 = (h7 + h) | 0;
    }
    var out = new Uint8Array(32);
    [h0, h1, h2, h3, h4, h5, h6, h7].forEach(function (word, i) {
      out[i * 4] = word >>> 24;
      out[i * 4 + 1] = word >>> 16;
      out[i * 4 + 2] = word >>> 8;
      out[i * 4 + 3] = word;
    });
    return out;
  }

  function hex(bytes) {
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return text;
  }

  function sha256Hex(text) {
    return hex(sha256Bytes(utf8(text)));
  }

  // Pure JavaScript: chunks of work with a pause between, so a page stays responsive.
  function solvePure(challenge, salt, max) {
    return new Promise(function (resolve) {
      var n = 0;
      (function chunk() {
        var stop = Math.min(max, n + 5000);
        for (; n <= stop; n++) {
          if (sha256Hex(salt + n) === challenge) {
            resolve(n);
            return;
          }
        }
        if (n > max) {
          resolve(null);
        } else {
          setTimeout(chunk, 0);
        }
      })();
    });
  }

  // crypto.subtle: asynchronous, so hash a batch at a time.
  function solveSubtle(challenge, salt, max) {
    var subtle = root.crypto.subtle;
    function batch(start) {
      var stop = Math.min(max, start + 999);
      var digests = [];
      for (var n = start; n <= stop; n++) {
        digests.push(subtle.digest('SHA-256', utf8(salt + n)));
      }
      return Promise.all(digests).then(function (results) {
        for (var i = 0; i < results.length; i++) {
          if (hex(new Uint8Array(results[i])) === challenge) {
            return start + i;
          }
        }
        return stop >= max ? null : batch(stop + 1);
      });
    }
    return batch(0);
  }

  // The number, or null when none in [0, max] matches. options.pure forces the fallback.
  function solve(challenge, salt, max, options) {
    var pure = (options && options.pure) || !(root.crypto && root.crypto.subtle);
    return pure ? solvePure(challenge, salt, max) : solveSubtle(challenge, salt, max);
  }

  root.RekeyCaptchaSolver = { sha256Hex: sha256Hex, solve: solve };
})(typeof self !== 'undefined' ? self : this);
