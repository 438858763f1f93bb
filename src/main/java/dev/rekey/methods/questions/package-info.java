/** Security questions: answer normalisation and hashing, free of the methods core. */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.questions;
