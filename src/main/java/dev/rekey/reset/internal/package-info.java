@org.jspecify.annotations.NullMarked
package dev.rekey.reset.internal;
