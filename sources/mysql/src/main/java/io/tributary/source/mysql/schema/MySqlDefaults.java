package io.tributary.source.mysql.schema;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A MySQL column default as Debezium's DDL parser states it. Debezium reads defaults from {@code SHOW CREATE TABLE},
 * which writes a literal quoted and escaped (or, when its text cannot be written in utf8mb3, as a hex literal); it
 * drops the quotes and keeps the escapes, and of a hex literal it keeps the digits but the last. MySQL's
 * {@code information_schema} gives the literal unquoted and unescaped, binary ones as hex, and marks expressions
 * ({@code DEFAULT (uuid())}, {@code CURRENT_TIMESTAMP}) with {@code DEFAULT_GENERATED} in {@code EXTRA}: the text is
 * rebuilt here as {@code SHOW CREATE TABLE} writes it.
 */
final class MySqlDefaults {
    private static final Pattern HEX_DEFAULT = Pattern.compile(" DEFAULT 0x([0-9A-Fa-f]+)");
    /**
     * How {@code information_schema} writes {@code DEFAULT CURRENT_TIMESTAMP}, {@code NOW()} and their precisions; an
     * expression default is written as its expression, {@code now()} for {@code DEFAULT (now())}.
     */
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("CURRENT_TIMESTAMP(\\(\\d\\))?");

    private MySqlDefaults() {
    }

    /**
     * @param raw {@code COLUMN_DEFAULT}, not null
     * @param extra {@code EXTRA}, lower case
     * @param dataType {@code DATA_TYPE}, lower case
     * @param length {@code CHARACTER_MAXIMUM_LENGTH}: the bytes a BINARY default is padded to
     */
    static Optional<String> of(String raw, String extra, String dataType, long length) {
        if (extra.contains("default_generated")) {
            // Debezium's DDL parser reads CURRENT_TIMESTAMP, at any precision, as the epoch, expressions as none (the
            // server writes DEFAULT (now()) and DEFAULT (CURRENT_TIMESTAMP) as expressions)
            return CURRENT_TIMESTAMP.matcher(raw).matches() ? Optional.of(SchemaReader.EPOCH_DEFAULT) : Optional.empty();
        }
        return switch (dataType) {
            case "bit" -> Optional.of(raw);
            case "binary", "varbinary" -> Optional.of(binary(raw, dataType.equals("binary") ? length : 0));
            default -> Optional.of(StringLiterals.body(raw));
        };
    }

    /**
     * Whether a default may have lost characters in {@code information_schema}, which writes text in utf8mb3: a
     * character outside the Basic Multilingual Plane comes out as {@code ?}.
     */
    static boolean mayBeLossy(ColumnDefinition column) {
        return column.defaultValue().filter(text -> text.contains("?")).isPresent()
                && column.charset().filter(charset -> charset.startsWith("utf8mb4") || charset.startsWith("utf16")
                        || charset.startsWith("utf32")).isPresent();
    }

    /**
     * The default of {@code column} as Debezium takes it from {@code createTable} when the server wrote it there as a
     * hex literal (text it could not write in utf8mb3): its hex digits but the last. Empty when it wrote a quoted one.
     */
    static Optional<String> hexDefault(String createTable, String column) {
        String prefix = "  `" + column.replace("`", "``") + "` ";
        return createTable.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(HEX_DEFAULT::matcher).filter(java.util.regex.Matcher::find)
                .map(matcher -> matcher.group(1).substring(0, matcher.group(1).length() - 1));
    }

    /** A binary default, given as hex ({@code 0x6162}) without a BINARY column's padding. */
    private static String binary(String raw, long paddedLength) {
        byte[] bytes = raw.startsWith("0x") ? HexFormat.of().parseHex(raw.substring(2)) : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < paddedLength) {
            bytes = java.util.Arrays.copyOf(bytes, (int) paddedLength);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
                return StringLiterals.body(text);
            }
        } catch (CharacterCodingException notUtf8) {
            // written as a hex literal below
        }
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        return hex.isEmpty() ? hex : hex.substring(0, hex.length() - 1);
    }
}
