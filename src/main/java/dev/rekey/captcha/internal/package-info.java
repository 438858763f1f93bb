/** Challenge generation, payload verification, the spent-challenge store and the API endpoint. */
@org.jspecify.annotations.NullMarked
package dev.rekey.captcha.internal;
