package dev.rekey.methods.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Helpers for the phone method tests: fresh users, requests, codes read from the outbox. */
final class PhoneApi {

  static final String BASE = "/api/v1/me/authentication/phoneMethods";
  private static final Pattern CODE = Pattern.compile("[0-9]{8}");

  private PhoneApi() {}

  /** A fresh account in the "SSPR users" group. */
  static Account freshUser(
      Tenants tenants, AccountDirectory directory, Groups groups, String prefix, Role role) {
    Account account =
        TestSessions.createAccount(
            tenants,
            directory,
            TestSessions.freshUpn(prefix),
            TestSessions.DEMO_PASSWORD,
            false,
            role);
    UUID group = groups.findByName(account.tenantId(), "SSPR users").orElseThrow().id();
    groups.addAccount(group, account.id());
    return account;
  }

  /** A Dutch mobile number nobody else in the test run uses: {@code +316} and 8 digits. */
  static String freshMobile() {
    return "+316" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
  }

  static MockHttpServletRequestBuilder start(Cookie session, String json) {
    return post(BASE)
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json);
  }

  static String body(String number, String type, String delivery) {
    return "{\"phoneNumber\":\"%s\",\"phoneType\":\"%s\",\"delivery\":\"%s\"}"
        .formatted(number, type, delivery);
  }

  static MockHttpServletRequestBuilder verify(Cookie session, String id, String code) {
    return post(BASE + "/" + id + "/verify")
        .with(csrf())
        .cookie(session)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"code\":\"" + code + "\"}");
  }

  static MockHttpServletRequestBuilder resend(Cookie session, String id) {
    return post(BASE + "/" + id + "/resend").with(csrf()).cookie(session);
  }

  /** The outbox messages to a number on a channel, oldest first. */
  static List<String> outbox(JdbcClient jdbc, String e164, String channel) {
    return jdbc.sql(
            "SELECT body FROM outbox_message WHERE recipient = ? AND channel = ? ORDER BY id")
        .params(e164, channel)
        .query(String.class)
        .list();
  }

  /** The code in the newest message to a number on a channel. */
  static String lastCode(JdbcClient jdbc, String e164, String channel) {
    List<String> bodies = outbox(jdbc, e164, channel);
    if (bodies.isEmpty()) {
      throw new AssertionError("no " + channel + " to " + e164 + " in the outbox");
    }
    return codeIn(bodies.get(bodies.size() - 1));
  }

  static String codeIn(String text) {
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no 8-digit code in: " + text);
    }
    return m.group();
  }
}
