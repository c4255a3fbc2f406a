package org.izhsim.network;

/**
 * A committed {@link ParameterChange}: it is in effect from step {@code step} on.
 *
 * @param step        first step that sees the new value
 * @param timeMs      t = step·dt [ms]
 * @param description what changed
 */
public record AppliedChange(long step, double timeMs, String description) {}
