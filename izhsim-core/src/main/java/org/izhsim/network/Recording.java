package org.izhsim.network;

/** The immutable result of a {@link Monitor}. */
public interface Recording {
    /** The name of the monitor that produced it. */
    String monitorName();
}
