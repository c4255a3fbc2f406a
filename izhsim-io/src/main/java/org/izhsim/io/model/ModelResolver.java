package org.izhsim.io.model;

import static org.izhsim.io.model.Values.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationModel;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.model.IzhikevichModel;

/**
 * THE place where a group's {@code model:} value becomes a model: a built-in name, an equation
 * file beside the model file, or equations written inline; equation models are parsed,
 * checked and compiled for the file's scheme here, so that every refusal points at this key.
 */
final class ModelResolver {
    private static final Map<String, IzhikevichModel> MODELS = Map.of(
            IzhikevichModel.STANDARD.name(), IzhikevichModel.STANDARD,
            IzhikevichModel.CLASS1_VARIANT.name(), IzhikevichModel.CLASS1_VARIANT,
            IzhikevichModel.ACCOMMODATION.name(), IzhikevichModel.ACCOMMODATION);
    private static final List<String> MODEL_NAMES = List.of(IzhikevichModel.STANDARD.name(),
            IzhikevichModel.CLASS1_VARIANT.name(), IzhikevichModel.ACCOMMODATION.name());

    private final Context ctx;

    ModelResolver(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * THE place where a group's {@code model:} value becomes a model: a built-in name
     * ({@link IzhikevichModel}), or {@code {equations: FILE}} ({@link EquationModel}, the file
     * relative to the model file, parsed, checked and compiled for the file's scheme here so
     * that every refusal points at this key). An equation model's description goes into
     * {@code out}'s "model".
     */
    Object resolveModel(YamlNode node, Map<String, Object> out) {
        if (node instanceof Mapping) {
            YamlNode fileNode = Fields.of(node, Schema.MODEL).get("equations");
            String written = Fields.string(fileNode);
            if (ctx.equations().compiler() == null) {
                throw ModelFileException.at(fileNode, "equation models need a compiler, and this reader was given none "
                        + "(izhsim run passes one)");
            }
            if (written.contains("\n")) return inlineEquations(fileNode, written, out);
            Path path = ctx.equations().dir().resolve(written).normalize();
            String shown = path.toString();
            byte[] bytes;
            try {
                bytes = org.izhsim.io.TextFiles.read(path, "equation file").bytes();
            } catch (IllegalArgumentException e) {
                throw ModelFileException.at(fileNode, e.getMessage() + (Files.exists(path) ? "" : " (paths are relative to the model file)"));
            }
            EquationModel eq;
            try {
                eq = EquationModel.parse(new String(bytes, StandardCharsets.UTF_8), shown);
            } catch (EquationException e) {
                // the equation file's own place first, then where the model file uses it
                throw new ModelFileException(e.getMessage() + " (used at " + fileNode.position() + ": " + fileNode.path() + ")",
                        "", e);
            }
            compile(fileNode, eq);
            String sha = org.izhsim.io.RunInfo.sha256(bytes);
            ctx.equationFiles().putIfAbsent(shown, sha);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("equations", written);
            m.put("file", shown);
            m.put("sha256", sha);
            m.put("hash", eq.hash());
            m.put("normalized", eq.normalized());
            out.put("model", m);
            return eq;
        }
        String id = Fields.string(node).trim();
        IzhikevichModel m = MODELS.get(id);
        if (m == null) {
            throw ModelFileException.at(node, "unknown model '" + id + "'; built-in: " + String.join(", ", MODEL_NAMES)
                    + ", " + Group2007Reader.NAME + "; spike sources: " + String.join(", ", SourceReader.NAMES) + "; or {equations: FILE}");
        }
        return m;
    }

    /**
     * Equations written in the model file itself ({@code equations: |} and the lines below):
     * their errors are placed in the model file, line by line under a {@code |} block, else
     * as a line and column within the text. They are part of the file's bytes, hence of its
     * hash already.
     */
    EquationModel inlineEquations(YamlNode node, String text, Map<String, Object> out) {
        EquationModel eq;
        try {
            eq = EquationModel.parse(text, node.position().file());
        } catch (EquationException e) {
            throw new ModelFileException(inlinePlace(node, e.line(), e.column()) + ": " + node.path() + ": " + e.problem(), "", e);
        }
        compile(node, eq);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("equations", "(inline)");
        m.put("hash", eq.hash());
        m.put("normalized", eq.normalized());
        out.put("model", m);
        return eq;
    }

    /** Where line {@code line}, column {@code column} of an inline text stands in the model file. */
    String inlinePlace(YamlNode node, int line, int column) {
        YamlNode.Position at = node.position();
        String[] lines = ctx.equations().text().split("\r?\n", -1);
        int first = at.line(); // a '|' block's text starts on the line after the indicator
        boolean block = at.line() - 1 < lines.length && at.column() - 1 < lines[at.line() - 1].length()
                && lines[at.line() - 1].charAt(at.column() - 1) == '|';
        if (!block || first + line - 1 >= lines.length) {
            return at + " (line " + line + ", column " + column + " of the equations)";
        }
        int indent = 0;
        for (int i = first; i < lines.length && indent == 0; i++) {
            if (!lines[i].isBlank()) indent = lines[i].length() - lines[i].stripLeading().length();
        }
        return at.file() + ":" + (first + line) + ":" + (indent + column);
    }

    /** Compiles the model for the file's scheme now, so that a scheme it cannot run is refused at {@code node}. */
    void compile(YamlNode node, EquationModel eq) {
        checked(node, () -> ctx.equations().compiler().compile(eq, ctx.scheme()));
    }
}
