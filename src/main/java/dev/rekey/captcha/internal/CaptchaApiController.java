package dev.rekey.captcha.internal;

import dev.rekey.captcha.Captcha;
import dev.rekey.captcha.CaptchaChallenge;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/captcha}: a fresh proof-of-work challenge, no sign-in (SPEC Appendix A). */
@RestController
class CaptchaApiController {

  private final Captcha captcha;

  CaptchaApiController(Captcha captcha) {
    this.captcha = captcha;
  }

  /** Never cached: a shared or replayed challenge would let one solution serve many clients. */
  @GetMapping("/api/v1/captcha")
  ResponseEntity<CaptchaChallenge> challenge() {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(captcha.challenge());
  }
}
