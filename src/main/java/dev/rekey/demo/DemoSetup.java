package dev.rekey.demo;

import dev.rekey.directory.Group;
import dev.rekey.tenant.Tenant;

/**
 * A module's part of the demo tenant (its SSPR policy, Megan's security info…), called once inside
 * the transaction that creates the tenant. Modules implement it in their internals.
 */
public interface DemoSetup {

  void configure(Tenant tenant, Group ssprUsers);
}
