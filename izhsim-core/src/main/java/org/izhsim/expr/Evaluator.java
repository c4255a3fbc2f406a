package org.izhsim.expr;

/**
 * A compiled node: a small object whose method computes the node's value from its
 * children's. The first variable arrives as a parameter so that {@link Expression#at} needs
 * no array.
 */
@FunctionalInterface
interface Evaluator {
    /**
     * @param first  the value of variable 0
     * @param values the values of all variables, in order; may be empty when there is at most one
     */
    double evaluate(double first, double[] values);
}
