/** Phone numbers for the text-message and phone-call methods: parsing, masking, allow-listing. */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.phone;
