package org.izhsim.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * JSON for result summaries, written by Jackson's generator (escaping, structure): maps (in
 * insertion order), collections, primitive arrays, numbers, strings, booleans and null; any
 * other object as its {@code toString()}. Two choices are ours, not Jackson's defaults:
 * non-finite doubles become null, since JSON has no NaN (Jackson would write the invalid token
 * or a string); and integral doubles below 10^15 print as a whole number with ".0" (13.0,
 * 100000.0, not 1.0E5), so that a float stays a float for Python's json and the text of a
 * summary, and the model hash of the built-in network taken over it, do not change.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {}

    public static String write(Object value) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Double d -> number(g, d);
            case Float f -> number(g, f);
            case Number n -> g.writeNumber(n.toString());
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Collection<?> c -> {
                g.writeStartArray();
                for (Object o : c) write(g, o);
                g.writeEndArray();
            }
            case double[] a -> {
                g.writeStartArray();
                for (double x : a) number(g, x);
                g.writeEndArray();
            }
            case int[] a -> g.writeArray(a, 0, a.length);
            case long[] a -> g.writeArray(a, 0, a.length);
            case Object[] a -> write(g, java.util.Arrays.asList(a));
            default -> g.writeString(v.toString());
        }
    }

    private static void number(JsonGenerator g, double d) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d + ".0");
        } else {
            g.writeNumber(Double.toString(d));
        }
    }
}
