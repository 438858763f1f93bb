/** Small value types shared by every module: where a request came from, time and randomness. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.rekey.common;
