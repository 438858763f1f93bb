package dev.rekey.methods.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.reset.ResetFixture;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A kind of method the policy does not offer cannot be registered, by API or by page. */
@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-method-offer-test")
class MethodOfferTest {

  @Autowired MockMvc mvc;
  @Autowired TestClock clock;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired JdbcClient jdbc;
  @Autowired SsprPolicies policies;

  @Test
  void phonesAndKeysAreRefusedWhenThePolicyOffersOnlyAppsAndEmail() throws Exception {
    Account admin = directory.findByUserId("admin@contoso.com").orElseThrow();
    policies.update(
        admin.tenantId(),
        SsprPolicyChanges.builder()
            .methodsAvailable(EnumSet.of(AuthMethodType.SOFTWARE_OATH, AuthMethodType.EMAIL))
            .build(),
        admin.id(),
        RequestOrigin.system());
    ResetFixture fixture = new ResetFixture(mvc, clock, tenants, directory, groups, jdbc);
    ResetFixture.User user = fixture.userWithApp("offer");
    Cookie session = fixture.steppedUp(user);

    mvc.perform(
            post("/api/v1/me/authentication/phoneMethods")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"phoneNumber\":\"+31612345678\",\"phoneType\":\"mobile\",\"delivery\":\"sms\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("method_not_offered"));
    mvc.perform(
            post("/api/v1/me/authentication/fido2Methods/options")
                .with(csrf())
                .cookie(session)
                .header("Accept-Language", "nl"))
        .andExpect(status().isConflict())
        .andExpect(
            jsonPath("$.detail")
                .value("Het beleid van uw organisatie biedt dit soort methode niet aan."));
    mvc.perform(post("/security-info/phone").with(csrf()).cookie(session))
        .andExpect(redirectedUrl("/security-info"));
    // What is offered still works.
    mvc.perform(
            post("/api/v1/me/authentication/emailMethods")
                .with(csrf())
                .cookie(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"emailAddress\":\"offer@fabrikam.example\"}"))
        .andExpect(status().isCreated());
  }
}
