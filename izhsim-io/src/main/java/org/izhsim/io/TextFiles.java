package org.izhsim.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text input the user named (a model file, an equation file, a replay file) with a
 * bound on its size and one clear line for each way it can fail: missing, a directory, not
 * readable, too large ({@code /dev/zero} would otherwise be read until memory runs out), or not
 * UTF-8 (the JDK says only "Input length = 1"); and messages that quote such text, kept to one line.
 */
public final class TextFiles {
    /** The default bound: far above any model or equation file, far below the JVM's memory. */
    public static final int MAX_BYTES = 16 << 20;

    private TextFiles() {}

    /** A file's bytes (for its hash) and their text. */
    public record Text(byte[] bytes, String text) {}

    /** An input that cannot be read: "NAME REASON", e.g. "model file m.yaml does not exist". */
    public static final class Unreadable extends IllegalArgumentException {
        private final String reason;

        Unreadable(String name, String reason) {
            super(name + " " + reason);
            this.reason = reason;
        }

        /** What is wrong, without the name: "does not exist", "is a directory", ... */
        public String reason() {
            return reason;
        }
    }

    /**
     * Reads {@code file}, described as {@code what} in messages ("model file", "--equations").
     *
     * @throws Unreadable naming the file and the problem
     */
    public static Text read(Path file, String what, int maxBytes) {
        String name = what + " " + file;
        if (Files.isDirectory(file)) throw new Unreadable(name, "is a directory");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new Unreadable(name, "does not exist");
        } catch (AccessDeniedException e) {
            throw new Unreadable(name, "is not readable (permission denied)");
        } catch (IOException e) {
            throw new Unreadable(name, "is not readable: " + oneLine(e.getMessage()));
        }
        if (bytes.length > maxBytes) {
            throw new Unreadable(name, "is larger than " + (maxBytes >> 20) + " MiB, the limit for this input (is it the right file?)");
        }
        return new Text(bytes, utf8(bytes, name));
    }

    /** As {@link #read(Path, String, int)} with {@link #MAX_BYTES}. */
    public static Text read(Path file, String what) {
        return read(file, what, MAX_BYTES);
    }

    /** Decodes strict UTF-8; a malformed byte is named by its offset, line and column. */
    public static String utf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1, column = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            throw new Unreadable(name, String.format(java.util.Locale.ROOT,
                    "is not UTF-8 text: byte %d (0x%02x, line %d, column %d) is not valid UTF-8; save it as UTF-8",
                    at, bytes[at] & 0xff, line, column));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * The message on one line: text quoted from the file may hold line breaks, and control
     * characters (a terminal's escape sequences) that must not reach the user's terminal as such.
     */
    public static String oneLine(String message) {
        if (message == null) return "";
        StringBuilder sb = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) sb.append(String.format("\\u%04x", c));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
