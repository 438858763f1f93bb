package dev.rekey.delivery;

/** Sends email: over SMTP in live mode, to the outbox in the embedded default. */
public interface EmailSender {

  /**
   * Renders and sends a message.
   *
   * @throws DeliveryFailed when the message cannot be handed over (bad address, SMTP down)
   */
  void send(EmailMessage message);
}
