package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The names of a user's groups, in the configured group mode, nested ones when asked for. */
final class GroupResolver {

  /** How deep nested groups are followed; deeper nesting is a directory design problem. */
  static final int MAX_DEPTH = 10;

  /** AD's LDAP_MATCHING_RULE_IN_CHAIN (MS-ADTS 3.1.1.3.4.4.1): membership through any nesting. */
  static final String IN_CHAIN = "1.2.840.113556.1.4.1941";

  private static final String CN = "cn";

  private final LdapSettings settings;
  private final Filter groupFilter;

  /**
   * @throws LDAPException when the group filter is invalid
   */
  GroupResolver(LdapSettings settings) throws LDAPException {
    this.settings = settings;
    this.groupFilter = UserEntries.parseOrAll(settings.groupFilter());
  }

  /** Sorted, distinct group names of the user entry. */
  List<String> groupsOf(LDAPInterface ldap, Entry user) throws LDAPException {
    return switch (settings.groupMode()) {
      case NONE -> List.of();
      case MEMBER_OF -> memberOf(ldap, user);
      case SEARCH -> searched(ldap, user.getDN());
    };
  }

  private List<String> memberOf(LDAPInterface ldap, Entry user) throws LDAPException {
    Set<String> names = new TreeSet<>();
    String[] direct = user.getAttributeValues(UserEntries.MEMBER_OF);
    if (direct == null) {
      direct = new String[0];
    }
    for (String dn : direct) {
      names.add(nameOf(dn));
    }
    if (!settings.nestedGroups()) {
      return List.copyOf(names);
    }
    if (settings.flavour() == Flavour.ACTIVE_DIRECTORY) {
      // One search lets AD walk the nesting itself, cycles included.
      Filter inChain = Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, user.getDN());
      for (SearchResultEntry group : search(ldap, inChain)) {
        names.add(nameOf(group));
      }
      return List.copyOf(names);
    }
    // Generic: follow memberOf of each group, breadth first, each DN once (cycle-safe).
    Set<String> seen = new HashSet<>();
    Deque<String> level = new ArrayDeque<>();
    for (String dn : direct) {
      if (seen.add(normalise(dn))) {
        level.add(dn);
      }
    }
    for (int depth = 1; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
      Deque<String> next = new ArrayDeque<>();
      for (String dn : level) {
        Entry group = ldap.getEntry(dn, UserEntries.MEMBER_OF);
        String[] parents = group == null ? null : group.getAttributeValues(UserEntries.MEMBER_OF);
        for (String parent : parents == null ? new String[0] : parents) {
          if (seen.add(normalise(parent))) {
            names.add(nameOf(parent));
            next.add(parent);
          }
        }
      }
      level = next;
    }
    return List.copyOf(names);
  }

  private List<String> searched(LDAPInterface ldap, String userDn) throws LDAPException {
    Set<String> names = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    seen.add(normalise(userDn));
    List<String> level = List.of(userDn);
    int depth = settings.nestedGroups() ? MAX_DEPTH : 1;
    for (int i = 0; i < depth && !level.isEmpty(); i++) {
      List<String> next = new java.util.ArrayList<>();
      for (String memberDn : level) {
        Filter filter =
            Filter.createANDFilter(
                groupFilter,
                Filter.createORFilter(
                    Filter.createEqualityFilter("member", memberDn),
                    Filter.createEqualityFilter("uniqueMember", memberDn)));
        for (SearchResultEntry group : search(ldap, filter)) {
          if (seen.add(normalise(group.getDN()))) {
            names.add(nameOf(group));
            next.add(group.getDN());
          }
        }
      }
      level = next;
    }
    return List.copyOf(names);
  }

  private List<SearchResultEntry> search(LDAPInterface ldap, Filter filter) throws LDAPException {
    SearchRequest request = new SearchRequest(groupBase(), SearchScope.SUB, filter, CN);
    return ldap.search(request).getSearchEntries();
  }

  String groupBase() {
    String base = settings.groupBaseDn();
    return base == null || base.isBlank() ? settings.baseDn() : base;
  }

  Filter groupFilter() {
    return groupFilter;
  }

  private static String nameOf(SearchResultEntry group) {
    String cn = group.getAttributeValue(CN);
    return cn != null ? cn : nameOf(group.getDN());
  }

  /** The {@code cn} of a group DN's first RDN, or its first value when it has no cn. */
  static String nameOf(String dn) {
    try {
      RDN rdn = new DN(dn).getRDN();
      if (rdn == null) {
        return dn;
      }
      String[] types = rdn.getAttributeNames();
      String[] values = rdn.getAttributeValues();
      for (int i = 0; i < types.length; i++) {
        if (types[i].equalsIgnoreCase(CN)) {
          return values[i];
        }
      }
      return values[0];
    } catch (LDAPException e) {
      return dn;
    }
  }

  private static String normalise(@Nullable String dn) {
    if (dn == null) {
      return "";
    }
    try {
      return new DN(dn).toNormalizedString();
    } catch (LDAPException e) {
      return dn.toLowerCase(Locale.ROOT);
    }
  }
}
