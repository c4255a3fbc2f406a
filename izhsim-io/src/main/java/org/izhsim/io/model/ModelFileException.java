package org.izhsim.io.model;

/**
 * A model file that cannot be used, with the place and the reason in one line:
 * {@code net.yaml:12:5: groups.exc.modle: unknown key; allowed: size, model, preset, params, initial}.
 * An {@link IllegalArgumentException}, so the CLI reports it as a usage error (exit 2) without
 * a stack trace. {@link #detail()} holds a caret diagram when the culprit is an expression.
 */
public final class ModelFileException extends IllegalArgumentException {
    private final String detail;

    ModelFileException(String message, String detail, Throwable cause) {
        super(org.izhsim.io.TextFiles.oneLine(message), cause);
        this.detail = detail;
    }

    static ModelFileException at(YamlNode node, String problem) {
        return new ModelFileException(node.position() + ": " + node.path() + ": " + problem, "", null);
    }

    static ModelFileException at(YamlNode.Position where, String path, String problem) {
        return new ModelFileException(where + ": " + path + ": " + problem, "", null);
    }

    /** Extra lines shown under the message (an expression's caret diagram), or empty. */
    public String detail() {
        return detail;
    }
}
