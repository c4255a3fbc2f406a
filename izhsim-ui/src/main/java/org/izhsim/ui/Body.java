package org.izhsim.ui;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;

/**
 * A request's JSON object with typed, checked access: a missing field falls back to its
 * default, a field of the wrong type or out of range is refused naming it, and a field that is
 * not known at all is refused listing the known ones (a typo must not be ignored silently).
 */
final class Body {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode node;

    private Body(JsonNode node) {
        this.node = node;
    }

    /** Parses {@code text}; malformed JSON or anything but an object is a 400 with the parser's reason. */
    static Body parse(String text) {
        if (text == null || text.isBlank()) return new Body(MAPPER.createObjectNode());
        JsonNode n;
        try {
            n = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ApiException.badRequest("malformed JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) throw ApiException.badRequest("the request body must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType().toString().toLowerCase()));
        return new Body(n);
    }

    /** Refuses fields outside {@code known}, listing them. */
    Body only(List<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw ApiException.badRequest("unknown field '" + f + "'; known: " + String.join(", ", known));
        }
        return this;
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    double number(String field, double fallback) {
        if (!has(field)) return fallback;
        JsonNode v = node.get(field);
        if (!v.isNumber()) throw ApiException.badRequest(field + " must be a number, got " + v);
        double d = v.asDouble();
        if (!Double.isFinite(d)) throw ApiException.badRequest(field + " must be a finite number, got " + v);
        return d;
    }

    /** A number within [min, max] (units in the message come from the caller's field name). */
    double number(String field, double fallback, double min, double max) {
        double d = number(field, fallback);
        if (d < min || d > max) throw ApiException.badRequest(field + " = " + d + " is outside " + min + " .. " + max);
        return d;
    }

    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) return fallback;
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) throw ApiException.badRequest(field + " must be a whole number, got " + v);
        long x = v.asLong();
        if (x < min || x > max) throw ApiException.badRequest(field + " = " + x + " is outside " + min + " .. " + max);
        return x;
    }

    String text(String field, String fallback, int maxChars) {
        if (!has(field)) return fallback;
        JsonNode v = node.get(field);
        if (!v.isTextual()) throw ApiException.badRequest(field + " must be a string, got " + v);
        String s = v.asText();
        if (s.length() > maxChars) throw ApiException.badRequest(field + " is " + s.length() + " characters; at most " + maxChars);
        return s;
    }

    /** One of {@code choices} (case-insensitive), returned as written there. */
    String choice(String field, String fallback, java.util.List<String> choices) {
        String s = text(field, fallback, 100);
        for (String c : choices) if (c.equalsIgnoreCase(s.trim())) return c;
        throw ApiException.badRequest("unknown " + field + " '" + s + "'; known: " + String.join(", ", choices));
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
