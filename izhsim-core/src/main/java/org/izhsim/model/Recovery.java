package org.izhsim.model;

/** The form of the recovery equation. */
public enum Recovery {
    /** u' = a·(b·v − u): the 2003 model and all but one panel of the 2004 paper. */
    STANDARD("u' = a(bv - u)"),
    /** u' = a·b·(v + 65), no −u term: panel R (accommodation) of {@code figure1.m}. */
    ACCOMMODATION("u' = ab(v + 65)");

    private final String equation;

    Recovery(String equation) {
        this.equation = equation;
    }

    /** The equation in plain text, for reports. */
    public String equation() {
        return equation;
    }
}
