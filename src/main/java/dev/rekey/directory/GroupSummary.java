package dev.rekey.directory;

import java.util.UUID;

/**
 * A group with how many direct members it has, for lists.
 *
 * @param accounts accounts that are direct members
 * @param groups groups nested directly inside it
 */
public record GroupSummary(UUID id, String name, long accounts, long groups) {}
