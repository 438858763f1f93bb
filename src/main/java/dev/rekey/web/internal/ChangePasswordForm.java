package dev.rekey.web.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Current password, new password and its confirmation. */
record ChangePasswordForm(
    @NotBlank(message = "{password.current.required}")
        @Size(max = 1024, message = "{password.size}")
        @Nullable String currentPassword,
    @NotBlank(message = "{password.new.required}") @Nullable String newPassword,
    @Nullable String confirmPassword) {}
