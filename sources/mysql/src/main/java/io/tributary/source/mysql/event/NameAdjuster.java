package io.tributary.source.mysql.event;

import java.util.HashMap;
import java.util.Map;

import io.tributary.api.SourceException;
import io.tributary.source.mysql.NameAdjustmentMode;

/**
 * Debezium's adjustment of schema names ({@code schema.name.adjustment.mode}) and of field names
 * ({@code field.name.adjustment.mode}) to what Avro allows, character by character (UTF-16 chars, as Debezium).
 * Schema names may hold dots, field names may not. In {@code avro} mode every other character Avro does not allow
 * becomes {@code _}, and a leading digit is kept after it ({@code 1a} is {@code _1a}); in {@code avro_unicode} mode
 * {@code _} itself and every such character become {@code _u} and the character's hexadecimal code, padded to four
 * digits only when it has one or two ({@code -} is {@code _u002d}, {@code ż} {@code _u17c}).
 *
 * <p>As in Debezium, two different names adjusted into the same name are an error: the events of both would carry
 * one schema or field name. Debezium remembers the names for the whole JVM; an adjuster remembers the names of one
 * source. Not thread-safe.
 */
public final class NameAdjuster {
    private static final NameAdjuster NONE = new NameAdjuster(null, false, false);

    private final String option;
    private final boolean unicode;
    private final boolean dotsAllowed;
    /** For each adjusted name that differs from its original, the original. */
    private final Map<String, String> originals = new HashMap<>();

    private NameAdjuster(String option, boolean unicode, boolean dotsAllowed) {
        this.option = option;
        this.unicode = unicode;
        this.dotsAllowed = dotsAllowed;
    }

    /** The adjuster of schema names ({@code <topic>.Key}, {@code .Value}, {@code .Envelope}). */
    public static NameAdjuster forSchemaNames(NameAdjustmentMode mode) {
        return of(mode, "schema.name.adjustment.mode", true);
    }

    /** The adjuster of field names (column names). */
    public static NameAdjuster forFieldNames(NameAdjustmentMode mode) {
        return of(mode, "field.name.adjustment.mode", false);
    }

    private static NameAdjuster of(NameAdjustmentMode mode, String option, boolean dotsAllowed) {
        return switch (mode) {
            case NONE -> NONE;
            case AVRO -> new NameAdjuster(option + "=avro", false, dotsAllowed);
            case AVRO_UNICODE -> new NameAdjuster(option + "=avro_unicode", true, dotsAllowed);
        };
    }

    /**
     * The name as the mode writes it.
     *
     * @throws SourceException when another name was already adjusted into the same name
     */
    public String adjust(String name) {
        if (option == null || name.isEmpty()) {
            return name;
        }
        String adjusted = adjusted(name);
        if (!adjusted.equals(name)) {
            String other = originals.putIfAbsent(adjusted, name);
            if (other != null && !other.equals(name)) {
                throw SourceException.fatal(option + " turns both '" + other + "' and '" + name + "' into '"
                        + adjusted + "', so their events could not be told apart; rename one of them or choose "
                        + "another mode");
            }
        }
        return adjusted;
    }

    private String adjusted(String name) {
        StringBuilder result = new StringBuilder(name.length() + 8);
        char first = name.charAt(0);
        if (validFirst(first)) {
            result.append(first);
        } else {
            result.append(replacement(first));
            if (!unicode && Character.isDigit(first)) {
                result.append(first); // as Debezium: names differing only in a leading digit stay apart
            }
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (validFirst(c) || (c >= '0' && c <= '9') || (dotsAllowed && c == '.')) {
                result.append(c);
            } else {
                result.append(replacement(c));
            }
        }
        return result.toString();
    }

    private boolean validFirst(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!unicode && c == '_');
    }

    private String replacement(char c) {
        if (!unicode) {
            return "_";
        }
        String hex = Integer.toHexString(c);
        return "_u" + (hex.length() <= 2 ? "00" + hex : hex);
    }
}
