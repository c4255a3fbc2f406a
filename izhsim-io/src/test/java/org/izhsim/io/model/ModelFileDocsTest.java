package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The reference in docs/model-files.md lists exactly the keys the reader accepts, section by
 * section and in the same order: a key added to {@link Schema} without documentation, or
 * documented but not accepted, fails here.
 */
class ModelFileDocsTest {
    static final Path DOC = Path.of("..", "docs", "model-files.md");
    private static final Pattern HEADING = Pattern.compile("^### `([^`]+)`\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

    @Test
    void referenceDocumentsEveryAcceptedKeyAndNoOther() throws Exception {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        List<String> current = null;
        boolean inReference = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.equals("## Reference")) inReference = true;
            else if (line.startsWith("## ")) inReference = false;
            if (!inReference) continue;
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                current = new ArrayList<>();
                documented.put(h.group(1), current);
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.find() && current != null) current.add(r.group(1));
        }
        assertEquals(Schema.sections(), documented);
    }
}
