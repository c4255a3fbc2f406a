package org.izhsim.equations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a synapse model as parts: the Java API's strings (model, on_pre, on_post, each
 * periodic block and namespace entry) or a model file's sections, joined into one text for
 * {@link SynapseModelParser}, each part with the source name and line numbers its messages give.
 */
final class SynapseText {
    enum Section { CONSTANTS, MODEL, ON_PRE, ON_POST, EVERY, PERIOD }

    private static final Pattern HEADER = Pattern.compile("^(constants|model|on_pre|on_post)\\s*:");
    private static final Pattern EVERY = Pattern.compile("^every\\s+([^:#]*):");

    private SynapseText() {}

    /**
     * Lines [first, end) of the text, from column {@code column} on the first; messages call them
     * {@code source} with line numbers from {@code number} up.
     */
    record Part(String source, Section section, int first, int end, int column, int number, String name) {}

    /** Collects parts into one text: the Java API's strings, or a file's lines and then its namespace. */
    static final class Builder {
        private final List<String> lines = new ArrayList<>();
        private final List<Part> parts = new ArrayList<>();

        void part(String source, Section section, String period, String text) {
            if (period != null) add(source + " (period)", Section.PERIOD, period, null);
            add(source, section, text, null);
        }

        void constant(String source, String name, String value) {
            add(source, Section.CONSTANTS, value, name);
        }

        private void add(String source, Section section, String text, String name) {
            String[] split = text.split("\r?\n", -1);
            parts.add(new Part(source, section, lines.size(), lines.size() + split.length, 0, 1, name));
            lines.addAll(List.of(split));
        }

        SynapseModel parse(String source, NeuronVariables pre, NeuronVariables post) {
            return new SynapseModelParser(String.join("\n", lines), source, parts, pre, post).parse();
        }
    }

    /** The model file form: sections under headers at the start of a line; the namespace follows as parts of its own. */
    static SynapseModel file(String text, String source, Map<String, String> namespace, NeuronVariables pre,
                             NeuronVariables post) {
        Builder b = new Builder();
        String[] lines = text.split("\r?\n", -1);
        b.lines.addAll(List.of(lines));
        Set<Section> seen = new HashSet<>();
        Section section = null;
        int start = 0, column = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = EquationReader.stripComment(lines[n]);
            Matcher h = HEADER.matcher(line), e = EVERY.matcher(line);
            boolean header = h.find(), every = !header && e.find();
            if (!header && !every) {
                if (section == null && !line.isBlank()) {
                    throw new EquationException(source, n + 1, EquationReader.firstNonBlank(line, 0) + 1, "expected a section header at"
                            + " the start of a line: constants:, model:, on_pre:, on_post: or every TIME: (such as"
                            + " every 1*second:)", lines[n]);
                }
                continue;
            }
            if (section != null) b.parts.add(new Part(source, section, start, n, column, start + 1, null));
            if (header) {
                section = Section.valueOf(h.group(1).toUpperCase(java.util.Locale.ROOT));
                if (!seen.add(section)) {
                    throw new EquationException(source, n + 1, 1, "a second '" + h.group(1) + ":' section; write all of"
                            + " its lines under one header", lines[n]);
                }
                column = h.end();
            } else {
                b.parts.add(new Part(source, Section.PERIOD, n, n + 1, e.start(1), n + 1, null));
                section = Section.EVERY;
                column = e.end();
            }
            start = n;
        }
        if (section != null) b.parts.add(new Part(source, section, start, lines.length, column, start + 1, null));
        // read after the file's constants section, so the caller's entries replace the file's
        namespace.forEach((name, value) -> b.constant("namespace '" + name + "'", name, value));
        return b.parse(source, pre, post);
    }
}
