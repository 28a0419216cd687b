package io.tributary.server;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values that config providers gave a pipeline, each with the reference it was written as, so that text about the
 * pipeline (a failure, its trace) shows the reference instead. Values shorter than {@value #MIN_LENGTH} characters
 * are not replaced in free text: they would match inside unrelated words.
 *
 * @param references each resolved value and the value as written, longest value first
 * @param ttlMs how long the shortest-lived of the values may be used, when a provider said
 */
record ProvidedValues(Map<String, String> references, java.util.OptionalLong ttlMs) {
    static final int MIN_LENGTH = 3;
    static final ProvidedValues NONE = new ProvidedValues(Map.of(), java.util.OptionalLong.empty());

    ProvidedValues {
        references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    }

    /** The values of {@code resolved} that differ from those {@code written}, by key. */
    static ProvidedValues of(Map<String, String> written, Map<String, String> resolved) {
        Map<String, String> references = new LinkedHashMap<>();
        resolved.entrySet().stream()
                .filter(entry -> entry.getValue().length() >= MIN_LENGTH
                        && !entry.getValue().equals(written.get(entry.getKey())))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getValue().length())
                        .reversed())
                .forEach(entry -> references.putIfAbsent(entry.getValue(), written.get(entry.getKey())));
        return new ProvidedValues(references, java.util.OptionalLong.empty());
    }

    /** These values, to be used for {@code ttlMs} at most. */
    ProvidedValues withTtl(java.util.OptionalLong ttl) {
        return new ProvidedValues(references, ttl);
    }

    /** The text with every provided value replaced by its reference; null stays null. */
    String hide(String text) {
        if (text == null) {
            return null;
        }
        String hidden = text;
        for (Map.Entry<String, String> entry : references.entrySet()) {
            hidden = hidden.replace(entry.getKey(), entry.getValue());
        }
        return hidden;
    }

    @Override
    public String toString() {
        return "ProvidedValues[" + references.size() + " values hidden]";
    }
}
