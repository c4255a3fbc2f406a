package org.izhsim.network.engine;

import org.izhsim.network.Plasticity;

/**
 * The one place where a {@link Plasticity} becomes its engine rule: a new built-in rule is a
 * {@link PlasticRule} file and one case here (the switch over the sealed interface makes a
 * missing case a compile error).
 */
final class PlasticRules {
    private PlasticRules() {}

    /** The rule of {@code site}; pair-trace rules take their histories from {@code traces} (one per engine). */
    static PlasticRule create(Plasticity p, PlasticSite site, SharedTraces traces) {
        return switch (p) {
            case Plasticity.Stdp s -> new StdpRule(s, site, traces);
            case Plasticity.Spnet s -> new SpnetRule(s, site, traces);
            case Plasticity.Equations e -> new EquationRule(e, site);
        };
    }
}
