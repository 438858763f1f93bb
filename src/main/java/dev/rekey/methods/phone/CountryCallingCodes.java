package dev.rekey.methods.phone;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The geographic country calling codes ITU-T has assigned (ITU-T E.164 and the ITU Operational
 * Bulletin's "List of ITU-T Recommendation E.164 assigned country codes"). The codes are
 * prefix-free: no code is the beginning of another, so the first match on 1, 2 or 3 leading digits
 * is the code.
 *
 * <p>Spare codes (210, 259, 280–289, 384, 388, 422, 671, 684, 969, 978, 990, 999, ...) are not in
 * the table. Neither, deliberately, are the non-geographic codes — 800 freephone, 808 shared cost,
 * 870 Inmarsat, 881 satellite, 882/883 international networks, 979 premium rate: nobody receives a
 * reset code there, and premium and satellite ranges are what SMS pumping and toll fraud aim for
 * (OWASP Automated Threats OAT-014/SMS pumping; SPEC §5.1).
 */
final class CountryCallingCodes {

  private static final Set<String> ASSIGNED = new HashSet<>();

  static {
    add("1", "7");
    add("20", "27", "30", "31", "32", "33", "34", "36", "39");
    add("40", "41", "43", "44", "45", "46", "47", "48", "49");
    add("51", "52", "53", "54", "55", "56", "57", "58");
    add("60", "61", "62", "63", "64", "65", "66");
    add("81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98");
    add("211", "212", "213", "216", "218");
    range(220, 258); // Gambia … Mozambique (259, formerly Zanzibar, is spare)
    range(260, 269); // Zambia … Comoros
    add("290", "291", "297", "298", "299");
    range(350, 359); // Gibraltar … Bulgaria
    range(370, 383); // Lithuania … Kosovo (379 Vatican City is assigned)
    add("385", "386", "387", "389");
    add("420", "421", "423");
    range(500, 509); // Falklands … Haiti
    range(590, 599); // Guadeloupe … Caribbean Netherlands
    add("670");
    range(672, 683); // Australian External Territories … Niue (671, formerly Guam, is spare)
    range(685, 692); // Samoa … Marshall Islands (684, formerly American Samoa, is spare)
    add("850", "852", "853", "855", "856", "880", "886");
    range(960, 968); // Maldives … Oman
    range(970, 977); // Palestine … Nepal
    range(992, 998); // Tajikistan … Uzbekistan (997: Kazakhstan)
  }

  private CountryCallingCodes() {}

  /** Whether {@code code} (digits only, no {@code +}) is an assigned geographic code. */
  static boolean isAssigned(String code) {
    return ASSIGNED.contains(code);
  }

  /** The country calling code {@code digits} start with, or null if it starts with none. */
  static @Nullable String prefixOf(String digits) {
    for (int length = 1; length <= 3 && length <= digits.length(); length++) {
      String candidate = digits.substring(0, length);
      if (ASSIGNED.contains(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void add(String... codes) {
    ASSIGNED.addAll(Set.of(codes));
  }

  private static void range(int first, int last) {
    for (int code = first; code <= last; code++) {
      ASSIGNED.add(Integer.toString(code));
    }
  }
}
