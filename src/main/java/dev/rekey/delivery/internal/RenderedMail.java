package dev.rekey.delivery.internal;

/** An email rendered in one language: subject, plain-text body and HTML body. */
record RenderedMail(String subject, String text, String html) {}
