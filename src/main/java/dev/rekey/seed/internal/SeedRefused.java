package dev.rekey.seed.internal;

/** Seeding was refused before anything changed; the message says why, for the operator. */
class SeedRefused extends RuntimeException {

  SeedRefused(String message) {
    super(message);
  }
}
