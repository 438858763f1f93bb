package dev.rekey.methods;

import jakarta.servlet.http.HttpSession;

/** Whether the session proved a verification method within the last 10 minutes (step-up). */
public interface StepUpStatus {

  boolean isSteppedUp(HttpSession session);
}
