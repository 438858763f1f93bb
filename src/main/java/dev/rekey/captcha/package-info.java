/** Self-hosted proof-of-work CAPTCHA in the ALTCHA format: challenges and one-time verification. */
@org.jspecify.annotations.NullMarked
package dev.rekey.captcha;
