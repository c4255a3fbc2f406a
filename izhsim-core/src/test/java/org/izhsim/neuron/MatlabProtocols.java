package org.izhsim.neuron;

import java.util.Map;
import static java.util.Map.entry;

/**
 * The input protocols of figure1.m and izhi2003.m transcribed statement by statement as Java
 * lambdas, independent of the expression language, so golden tests check the engine alone and
 * a second test checks that each preset's expression string gives the very same doubles.
 */
final class MatlabProtocols {
    private MatlabProtocols() {}

    static final double L_T1 = 100.0 / 11;

    static final Map<String, CurrentSource> BY_ID = Map.ofEntries(
            entry("RS", t -> t > 15 ? 14 : 0),
            entry("IB", t -> t > 15 ? 11 : 0),
            entry("CH", t -> t > 15 ? 10 : 0),
            entry("FS", t -> t > 15 ? 10 : 0),
            entry("LTS", t -> t > 25 ? 10.0 : 0),
            entry("TC", t -> t > 30 ? 1.5 : 0),
            entry("TC-BURST", t -> t > 45 ? 0.0 : -25),
            entry("RZ", t -> (t > 60 && t < 65) ? 10 : t > 10 ? -0.5 : -2),
            entry("A", t -> t > 10 ? 14 : 0),
            entry("B", t -> t > 20 ? 0.5 : 0),
            entry("C", t -> t > 22 ? 15 : 0),
            entry("D", t -> t > 20 ? 0.6 : 0),
            entry("E", t -> t > 16 ? 10 : 0),
            entry("F", t -> t > 8.5 ? 30 : 0),
            entry("G", t -> t > 30 ? (0.075 * (t - 30)) : 0),
            entry("H", t -> t > 30 ? -0.5 + (0.015 * (t - 30)) : -0.5),
            entry("I", t -> t > 10 && t < 10 + 3 ? 7.04 : 0),
            entry("J", t -> t > 20 && t < 20 + 5 ? 2 : 0),
            entry("K", t -> (t > 40 && t < 44) || (t > 60 && t < 64) || (t > 280 && t < 284) || (t > 320 && t < 324)
                    ? 0.65 : 0),
            entry("L", t -> (t > L_T1 && t < L_T1 + 2) || (t > L_T1 + 5 && t < L_T1 + 5 + 2) || (t > 70 && t < 72)
                    || (t > 80 && t < 82) ? 9 : 0),
            entry("M", t -> t > 20 && t < 25 ? -15 : 0),
            entry("N", t -> t > 20 && t < 25 ? -15 : 0),
            entry("O", t -> (t > 10 && t < 15) || (t > 80 && t < 85) ? 1 : (t > 70 && t < 75) ? -6 : 0),
            entry("P", t -> (t > 37.5 && t < 42.5) || (t > 216 && t < 221) ? 1.24 : 0.24),
            entry("Q", t -> Math.abs(t - 10) < 1 ? 20 : 0),
            entry("R", t -> t < 200 ? t / 25 : t < 300 ? 0 : t < 312.5 ? (t - 300) / 12.5 * 4 : 0),
            entry("S", t -> t < 50 || t > 250 ? 80 : 75),
            entry("T", t -> t < 50 || t > 250 ? 80 : 75));
}
