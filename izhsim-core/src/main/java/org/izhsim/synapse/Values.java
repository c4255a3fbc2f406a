package org.izhsim.synapse;

import org.izhsim.network.Delays;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * The weight and delay of a synapse as pure functions of (seed, group name, pre, post[, index]),
 * so that any thread, any rank and any pass of a build gives a synapse the same values.
 */
final class Values {
    final Weights weights;
    final Delays delays;
    final long wKey, dKey;
    final double lo, span, constant;
    final int kind; // 0 constant, 1 uniform, 2 function, 3 array

    Values(SynapseGroup s, long seed) {
        weights = s.weights();
        delays = s.delays();
        wKey = Streams.key(seed, "weights/" + s.name());
        dKey = Streams.key(seed, "delays/" + s.name());
        switch (weights) {
            case Weights.Constant c -> { kind = 0; constant = c.w(); lo = 0; span = 0; }
            case Weights.Uniform u -> { kind = 1; lo = u.lo(); span = u.hi() - u.lo(); constant = 0; }
            case Weights.OfUniform f -> { kind = 2; lo = 0; span = 0; constant = 0; }
            case Weights.Array a -> { kind = 3; lo = 0; span = 0; constant = 0; }
        }
    }

    /** The key of post q for weights (one mix per post). */
    long postKey(int q) {
        return CounterRandom.key(wKey, q);
    }

    float weight(long postKey, int pre, long index) {
        return switch (kind) {
            case 0 -> (float) constant;
            case 1 -> (float) (lo + span * CounterRandom.uniform(postKey, pre));
            case 2 -> {
                double x = ((Weights.OfUniform) weights).f().applyAsDouble(CounterRandom.uniform(postKey, pre));
                if (!Double.isFinite(x)) throw new IllegalArgumentException("weight function gave " + x);
                yield (float) x;
            }
            default -> (float) ((Weights.Array) weights).w()[(int) index];
        };
    }

    int delay(int q, int pre, long index) {
        return switch (delays) {
            case Delays.Constant c -> c.steps();
            case Delays.Array a -> a.steps()[(int) index];
            case Delays.Uniform u -> u.lo() + CounterRandom.below(CounterRandom.key(dKey, q), pre, u.hi() - u.lo() + 1);
        };
    }
}
