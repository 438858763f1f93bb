package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;
import org.springframework.stereotype.Component;

/** The "Add an alternate email address" button on the security info page. */
@Component
class EmailRegistrar implements MethodRegistrar {

  @Override
  public MethodType type() {
    return MethodType.EMAIL;
  }

  @Override
  public String path() {
    return EmailMethodController.PAGE;
  }

  @Override
  public String labelKey() {
    return "methods.email.add";
  }

  @Override
  public int order() {
    return 40;
  }
}
