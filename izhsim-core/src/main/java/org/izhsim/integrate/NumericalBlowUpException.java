package org.izhsim.integrate;

/** v or u stopped being finite: names the step, the time and the neuron so the run can be fixed. */
public final class NumericalBlowUpException extends ArithmeticException {
    private final long step;
    private final double timeMs;
    private final int neuron;

    public NumericalBlowUpException(String where, long step, double timeMs, int neuron) {
        super("numerical blow-up: v or u of " + where + " neuron " + neuron + " is not finite after step " + step
                + " (t = " + timeMs + " ms); try a smaller dt or another scheme");
        this.step = step;
        this.timeMs = timeMs;
        this.neuron = neuron;
    }

    public long step() {
        return step;
    }

    public double timeMs() {
        return timeMs;
    }

    public int neuron() {
        return neuron;
    }
}
