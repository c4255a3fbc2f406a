package org.izhsim.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.izhsim.expr.Expression;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * Each preset's protocol, written as a current expression, gives the same double as the
 * MATLAB statement it replaces at every grid time, so runs through the expression language
 * reproduce the golden spike times exactly.
 */
class PresetProtocolTest {

    @Test
    void expressionEqualsMatlabStatementAtEveryGridTime() {
        for (Preset p : Presets.all()) {
            Expression e = Expression.parse(p.current());
            CurrentSource matlab = MatlabProtocols.BY_ID.get(p.id().toUpperCase(java.util.Locale.ROOT));
            long steps = Math.round(p.duration() / p.dt());
            for (long k = 0; k <= steps; k++) {
                double t = k * p.dt();
                // == compares -0.0 and 0.0 as equal, which the update cannot tell apart either
                assertEquals(matlab.at(t), e.at(t), 0.0, () -> p.id() + " at t = " + t);
            }
        }
    }

    @Test
    void goldenSpikesThroughTheExpressionLanguage() {
        for (Preset p : Presets.all()) {
            Expression e = Expression.parse(p.current());
            NeuronTrace viaExpr = NeuronSimulator.run(NeuronSetup.of(p, Scheme.FIGURE1, e::at));
            NeuronTrace viaLambda = GoldenSpikeTimesTest.run(p.id());
            assertArrayEquals(viaLambda.spikeTimes(), viaExpr.spikeTimes(), 0.0, p.id());
            assertArrayEquals(viaLambda.v(), viaExpr.v(), 0.0, p.id());
        }
    }
}
