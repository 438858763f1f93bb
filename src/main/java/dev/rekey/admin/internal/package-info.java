/** Admin console controllers. */
@org.jspecify.annotations.NullMarked
package dev.rekey.admin.internal;
