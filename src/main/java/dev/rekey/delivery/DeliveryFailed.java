package dev.rekey.delivery;

/**
 * A message could not be handed over for delivery. The message names the recipient only masked and
 * never contains the message body.
 */
public class DeliveryFailed extends RuntimeException {

  public DeliveryFailed(String message) {
    super(message);
  }

  public DeliveryFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
