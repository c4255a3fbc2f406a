package org.izhsim.run;

/**
 * How a face spells an option in its messages, so that one validation can name the culprit as
 * the user wrote it: {@code --trace-neuron} on the command line, {@code trace_neuron} in a JSON
 * request, a replay file or a model file.
 */
public enum Spelling {
    /** Command-line options: {@code --ne}, {@code --trace-neuron}. */
    OPTIONS,
    /** Keys of JSON requests and files: {@code ne}, {@code trace_neuron}. */
    KEYS;

    /** The option {@code key} (written with underscores) as this face spells it. */
    public String of(String key) {
        return this == OPTIONS ? "--" + key.replace('_', '-') : key;
    }
}
