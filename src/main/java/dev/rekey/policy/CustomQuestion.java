package dev.rekey.policy;

import org.jspecify.annotations.Nullable;

/**
 * A security question an admin wrote. Its text is shown as written, in every language.
 *
 * @param id a stable identifier that registered answers refer to; {@code null} in a change means "a
 *     new question", and Rekey assigns one
 */
public record CustomQuestion(@Nullable String id, String text) {}
