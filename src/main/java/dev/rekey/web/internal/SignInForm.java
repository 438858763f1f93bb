package dev.rekey.web.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The sign-in page's form and the API's body. */
record SignInForm(
    @NotBlank(message = "{signin.userId.required}")
        @Size(max = 320, message = "{signin.userId.size}")
        @Nullable String userId,
    @NotBlank(message = "{signin.password.required}")
        @Size(max = 1024, message = "{signin.password.size}")
        @Nullable String password) {}
