package org.izhsim.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.izhsim.io.model.ModelFile;

/**
 * Where the network tab's model files come from: text uploaded by the page, or a file under the
 * server's model root (the directory {@code izhsim ui} was started in). A path is relative to
 * that root and must stay inside it after every symbolic link is followed, so that a request
 * cannot read anything else on the machine; sizes are bounded by {@link Limits}. Groups written
 * as equation files are refused (the explorer compiles no code), so a model cannot name a file
 * outside the root that way either. A file the reader rejects gives the reader's one-line
 * message, with file, line and column.
 */
final class ModelSource {
    static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".toml");

    private final Path root;

    /** @param root the directory model paths are relative to, or null to refuse paths (uploads only) */
    ModelSource(Path root) {
        Path r = null;
        if (root != null) {
            try {
                r = root.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException("model root " + root + " is not a readable directory: " + e.getMessage());
            }
        }
        this.root = r;
    }

    /** An uploaded model: {@code name} picks the language (.toml is TOML, else YAML) and names it in errors. */
    ModelFile upload(String name, String text) {
        checkName(name);
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_MODEL_BYTES) throw tooLarge(name, bytes);
        return checked(() -> ModelFile.parse(Path.of(name).getFileName().toString(), text, ModelFile.Overrides.NONE));
    }

    /** A model file under the root. */
    ModelFile path(String relative) {
        Path file = resolve(relative);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read model file '" + relative + "': " + e.getMessage());
        }
        if (size > Limits.MAX_MODEL_BYTES) throw tooLarge(relative, size);
        String text;
        try {
            text = org.izhsim.io.TextFiles.read(file, "model file", Limits.MAX_MODEL_BYTES).text();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return checked(() -> ModelFile.parse(relative, text, ModelFile.Overrides.NONE));
    }

    /** The model files under the root (at most three levels down, the first {@link Limits#MAX_LISTED_MODELS}), as relative paths. */
    List<String> list() {
        if (root == null) return List.of();
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && modelName(p.getFileName().toString()))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().limit(Limits.MAX_LISTED_MODELS).forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return out; // an unreadable directory lists nothing more; a request for a path still says why
        }
        return out;
    }

    Path resolve(String relative) {
        if (root == null) throw new ApiException(403, "this server reads no model files from disk; upload the file instead");
        checkName(relative);
        Path p;
        try {
            p = Path.of(relative);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("model path '" + relative + "' is not a path: " + e.getReason());
        }
        if (p.isAbsolute() || !root.resolve(p).normalize().startsWith(root)) throw outside(relative);
        Path real;
        try {
            real = root.resolve(p).normalize().toRealPath();
        } catch (IOException e) {
            throw ApiException.badRequest("no model file '" + relative + "' under " + root
                    + (e instanceof java.nio.file.NoSuchFileException ? "" : " (" + e.getMessage() + ")"));
        }
        if (!real.startsWith(root)) throw outside(relative);
        if (!Files.isRegularFile(real)) throw ApiException.badRequest("model path '" + relative + "' is not a file");
        return real;
    }

    private ApiException outside(String relative) {
        return new ApiException(403, "model path '" + relative + "' is outside the model root " + root
                + "; give a path relative to it, e.g. examples/models/net2003.yaml");
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) throw ApiException.badRequest("the model file needs a name ending in " + String.join(", ", EXTENSIONS));
        if (!modelName(name)) {
            throw ApiException.badRequest("model file '" + name + "' is not YAML or TOML; its name must end in " + String.join(", ", EXTENSIONS));
        }
    }

    private static boolean modelName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    private static ApiException tooLarge(String name, long bytes) {
        return ApiException.badRequest("model file '" + name + "' is " + bytes + " bytes; at most " + Limits.MAX_MODEL_BYTES);
    }

    /** The reader's refusal as a 400 with its one-line message (file:line:column: key: problem). */
    private static ModelFile checked(java.util.function.Supplier<ModelFile> read) {
        ModelFile mf;
        try {
            mf = read.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiException.badRequest(org.izhsim.io.TextFiles.oneLine(String.valueOf(e.getMessage())));
        }
        return bounded(mf);
    }

    /** The explorer's bounds on what a model may ask for (as for the built-in network). */
    static ModelFile bounded(ModelFile mf) {
        int n = mf.network().neuronCount();
        if (n > Limits.MAX_NEURONS) {
            throw ApiException.badRequest(mf.file() + ": " + n + " neurons; the explorer runs at most " + Limits.MAX_NEURONS
                    + " (izhsim run " + mf.file() + " has no such bound)");
        }
        if (mf.durationMs() > Limits.MAX_NETWORK_MS) {
            throw ApiException.badRequest(mf.file() + ": duration_ms = " + mf.durationMs() + "; the explorer runs at most "
                    + Limits.MAX_NETWORK_MS + " ms");
        }
        long bytes = mf.network().estimateBytes(1);
        if (bytes > Limits.MAX_NETWORK_BYTES) {
            throw ApiException.badRequest(mf.file() + ": the network needs about " + (bytes >> 20) + " MiB; the explorer builds at most "
                    + (Limits.MAX_NETWORK_BYTES >> 20) + " MiB (fewer neurons or synapses)");
        }
        return mf;
    }
}
