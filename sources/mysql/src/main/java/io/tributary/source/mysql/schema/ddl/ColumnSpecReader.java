package io.tributary.source.mysql.schema.ddl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.DebeziumColumnTypes;
import io.tributary.source.mysql.schema.DeclaredType;
import io.tributary.source.mysql.schema.SchemaReader;
import io.tributary.source.mysql.schema.StringLiterals;

/**
 * Reads a column definition ({@code name type [attributes]}) into the column {@link SchemaReader} would read from
 * {@code information_schema} after the statement, on one server flavor.
 */
final class ColumnSpecReader {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d*)");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    /** A number as a statement may write one: digits, a fraction, an exponent ({@code 12.5}, {@code 1e3}). */
    private static final Pattern NUMERIC = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE]\\d+)?");
    /** What may come before a string literal: a character set introducer ({@code _utf8mb4}) or N (national). */
    private static final Pattern STRING_PREFIX = Pattern.compile("(?i)n|_[a-z0-9]+");
    /** A TIMESTAMP's literal as Debezium's converter cleans it: any number of digits per field, the time in part. */
    private static final Pattern LOOSE_TIMESTAMP = Pattern.compile(
            "\\d{1,4}-\\d{1,2}-\\d{1,2}( \\d{1,2}(:\\d{1,2}(:\\d{1,2}(\\.\\d{1,6})?)?)?)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern BITS = Pattern.compile("0|1[01]*");
    private static final Pattern ZERO_OR_ONE = Pattern.compile("0*[01]");
    private static final Pattern NOW = Pattern.compile("(?i)current_timestamp|now|localtimestamp");

    private final boolean mariaDb;

    ColumnSpecReader(boolean mariaDb) {
        this.mariaDb = mariaDb;
    }

    /**
     * @param table the table, whose character set text columns without their own take
     */
    ColumnSpec read(DdlTokens tokens, TableDraft table) {
        Optional<String> tableCharset = table.charset();
        String name = tokens.name();
        boolean serial = tokens.peek().isWord("SERIAL");
        ColumnType type = ColumnType.read(tokens, mariaDb);
        Attributes attributes = new Attributes();
        if (serial) {
            serial(attributes);
        }
        while (!tokens.atEnd() && !tokens.peek().isSymbol(",") && !tokens.peek().isSymbol(")")
                && !tokens.peek().isWord("FIRST") && !tokens.peek().isWord("AFTER")) {
            attribute(tokens, type, attributes);
        }
        if (type.dataType().equals("timestamp") && attributes.notNull && attributes.defaultValue == null) {
            // what such a column becomes depends on explicit_defaults_for_timestamp
            throw new DdlTokens.Unsupported("TIMESTAMP NOT NULL without a default");
        }
        // a TIMESTAMP saying neither NULL nor NOT NULL is nullable, as Debezium's parser reads every column and as the
        // server makes it under explicit_defaults_for_timestamp (the default of MySQL 8 and MariaDB 10.10 on); where
        // the server made it NOT NULL instead, the statement's reading is the one Debezium describes
        Optional<String> charset = Optional.empty();
        Optional<String> writtenCharset = Optional.empty();
        if (type.national()) {
            if (attributes.charset != null) {
                throw new DdlTokens.Unsupported("a character set on a national type");
            }
            // a national type is utf8mb3, which Debezium calls utf8
            charset = Optional.of("utf8mb3");
            writtenCharset = Optional.of("utf8");
        } else if (type.isMariaDbJson()) {
            if (attributes.charset != null) {
                throw new DdlTokens.Unsupported("a character set on JSON");
            }
            charset = Optional.of("utf8mb4");
        } else if (type.isText()) {
            writtenCharset = attributes.charset != null ? Optional.ofNullable(attributes.writtenCharset)
                    : table.declaredCharset();
            charset = attributes.charset != null ? Optional.of(attributes.charset) : tableCharset;
            if (charset.isEmpty()) {
                throw new DdlTokens.Unsupported("the table's character set is not known");
            }
        } else if (attributes.charset != null) {
            throw new DdlTokens.Unsupported("a character set on a " + type.dataType());
        }
        if (charset.isPresent()) {
            type = type.inCharset(charset.get());
        }
        String canonicalCharset = charset.orElse(null);
        Optional<String> declaredCharset = writtenCharset.filter(written -> !written.equals(canonicalCharset));
        ColumnDefinition column = new ColumnDefinition(name, 0, type.dataType(), type.columnType(),
                !attributes.notNull, Optional.ofNullable(attributes.defaultValue).flatMap(value -> value),
                charset, type.length(), type.scale(), type.enumValues(),
                attributes.autoIncrement || !mariaDb && attributes.onUpdate, attributes.generated,
                mariaDb ? Optional.ofNullable(attributes.comment).filter(text -> !text.isEmpty())
                        .map(StringLiterals::body) : Optional.empty(),
                type.declared().map(declared -> declared.withCharset(declaredCharset)));
        return new ColumnSpec(column, attributes.primaryKey, attributes.unique, attributes.explicitNull);
    }

    /** SERIAL, and SERIAL DEFAULT VALUE: NOT NULL AUTO_INCREMENT UNIQUE. */
    private static void serial(Attributes attributes) {
        attributes.notNull = true;
        attributes.autoIncrement = true;
        attributes.unique = true;
    }

    /** What a column definition's attributes say; a null default is "no DEFAULT clause". */
    private static final class Attributes {
        boolean notNull;
        boolean explicitNull;
        Optional<String> defaultValue;
        boolean autoIncrement;
        boolean onUpdate;
        boolean generated;
        boolean primaryKey;
        boolean unique;
        String charset;
        /** The character set's name as written (Debezium keeps it so): {@code utf8} for {@code utf8mb3}. */
        String writtenCharset;
        String comment;
    }

    private void attribute(DdlTokens tokens, ColumnType type, Attributes attributes) {
        if (tokens.accept("NOT", "NULL")) {
            attributes.notNull = true;
        } else if (tokens.accept("NULL")) {
            attributes.explicitNull = true;
        } else if (tokens.accept("DEFAULT")) {
            attributes.defaultValue = defaultValue(tokens, type);
        } else if (tokens.accept("AUTO_INCREMENT")) {
            attributes.autoIncrement = true;
        } else if (tokens.accept("SERIAL", "DEFAULT", "VALUE")) {
            serial(attributes);
        } else if (tokens.accept("ON", "UPDATE")) {
            now(tokens, type);
            attributes.onUpdate = true;
        } else if (tokens.accept("PRIMARY", "KEY") || tokens.accept("KEY")) {
            attributes.primaryKey = true;
        } else if (tokens.accept("UNIQUE")) {
            tokens.accept("KEY");
            attributes.unique = true;
        } else if (tokens.accept("COMMENT")) {
            attributes.comment = tokens.string();
        } else if (tokens.accept("INVISIBLE") || tokens.accept("VISIBLE")) {
            // an invisible column (MySQL's generated invisible primary key my_row_id among them) is in the binlog's
            // rows like any other, and Debezium describes it as one
        } else if (tokens.accept("COLUMN_FORMAT") || tokens.accept("STORAGE")) {
            tokens.take(); // FIXED, DYNAMIC, DEFAULT; DISK, MEMORY: nothing an event shows
        } else if (tokens.accept("CHARACTER", "SET") || tokens.accept("CHARSET")) {
            tokens.acceptSymbol("=");
            attributes.writtenCharset = tokens.peek().text();
            attributes.charset = Charsets.named(tokens.charsetName());
        } else if (tokens.accept("COLLATE")) {
            tokens.acceptSymbol("=");
            String charset = Charsets.ofCollation(tokens.charsetName());
            if (attributes.charset != null && !attributes.charset.equals(charset)) {
                throw new DdlTokens.Unsupported("a collation of another character set");
            }
            attributes.charset = charset;
        } else if (tokens.peek().isWord("CHECK") || tokens.peek().isWord("CONSTRAINT")) {
            // a check constraint written with its column changes the column no more than one written apart
            if (tokens.accept("CONSTRAINT") && !tokens.peek().isWord("CHECK")) {
                tokens.name();
            }
            tokens.expect("CHECK");
            tokens.skipGroup();
            AlterTableReader.enforcement(tokens);
        } else if (tokens.accept("REFERENCES")) {
            // a column's own foreign key: parsed and ignored by the server
            AlterTableReader.references(tokens);
        } else if (tokens.accept("GENERATED", "ALWAYS", "AS") || tokens.accept("AS")) {
            tokens.skipGroup();
            if (!tokens.accept("VIRTUAL") && !tokens.accept("STORED")) {
                tokens.accept("PERSISTENT");
            }
            attributes.generated = true;
        } else {
            throw new DdlTokens.Unsupported("column attribute " + tokens.peek().text());
        }
    }

    /**
     * A default as {@link SchemaReader} states it: empty for NULL; the epoch for the current time; a literal in the
     * form the server stores it in; empty for an expression ({@code DEFAULT (expr)}), as Debezium's parser reads it,
     * whatever the server makes of it (MariaDB folds a constant one into a literal, which a snapshot then shows). A
     * literal the server writes back otherwise is kept as written, as Debezium keeps it, where Debezium's converters
     * make of it what the server does (a DECIMAL's extra decimals, a DATETIME's missing time); others (1e3 on an
     * integer, a partial date) are not understood.
     */
    Optional<String> defaultOf(DdlTokens tokens, ColumnType type) {
        return defaultValue(tokens, type);
    }

    private Optional<String> defaultValue(DdlTokens tokens, ColumnType type) {
        if (tokens.accept("NULL")) {
            return Optional.empty();
        }
        if (tokens.peek().isSymbol("(")) {
            tokens.skipGroup();
            return Optional.empty();
        }
        if ((tokens.peek().isWord("TRUE") || tokens.peek().isWord("FALSE"))
                && (type.declared().filter(DeclaredType::isBoolean).isPresent() || DebeziumColumnTypes.isNumber(type.dataType()))) {
            // as written, as Debezium states it (Rails writes TINYINT(1) DEFAULT FALSE); a number is 1 or 0 of it
            return Optional.of(tokens.take().text());
        }
        if (NOW.matcher(tokens.peek().text()).matches() && tokens.peek().kind() == DdlTokens.Kind.WORD) {
            now(tokens, type);
            return Optional.of(SchemaReader.EPOCH_DEFAULT);
        }
        if (tokens.peek().isWord("b") && tokens.peek(1).kind() == DdlTokens.Kind.STRING) {
            tokens.take();
            String bits = tokens.string();
            if (type.dataType().equals("bit") && BITS.matcher(bits).matches()) {
                return Optional.of("b'" + bits + "'");
            }
            if (ZERO_OR_ONE.matcher(bits).matches() && DebeziumColumnTypes.isNumber(type.dataType())) {
                // Debezium's parser keeps a bit literal's digits, which are the number's only for 0 and 1 (a BOOL's
                // DEFAULT b'1' is true)
                return Optional.of(bits);
            }
            throw new DdlTokens.Unsupported("bit literal " + bits + " on a " + type.dataType());
        }
        if (tokens.peek().kind() == DdlTokens.Kind.WORD && STRING_PREFIX.matcher(tokens.peek().text()).matches()
                && tokens.peek(1).kind() == DdlTokens.Kind.STRING
                || tokens.peek().kind() == DdlTokens.Kind.STRING && tokens.peek(1).kind() == DdlTokens.Kind.STRING) {
            return Optional.of(joinedString(tokens, type));
        }
        if (tokens.peek().isWord("x") && tokens.peek(1).kind() == DdlTokens.Kind.STRING
                || tokens.peek().kind() == DdlTokens.Kind.NUMBER && HEX.matcher(tokens.peek().text()).matches()) {
            return hexadecimal(tokens);
        }
        if (tokens.peek().kind() == DdlTokens.Kind.DOUBLE_QUOTED) {
            return Optional.of(text(doubleQuoted(tokens.take()), type));
        }
        String sign = tokens.acceptSymbol("-") ? "-" : "";
        DdlTokens.Token literal = tokens.take();
        if (literal.kind() == DdlTokens.Kind.NUMBER) {
            return Optional.of(number(sign + literal.text(), type));
        }
        if (literal.kind() != DdlTokens.Kind.STRING || !sign.isEmpty()) {
            throw new DdlTokens.Unsupported("default " + literal.text());
        }
        return Optional.of(text(literal, type));
    }

    /**
     * A hexadecimal literal ({@code X'41'}, {@code 0x41}): no default to Debezium 3.5's MariaDB parser, whatever the
     * type; to 3.6's MySQL parser the literal's text less its first two characters and its last ({@code 0x41}:
     * {@code 4}, {@code X'4344'}: {@code 4344}), which its converters then read.
     */
    private Optional<String> hexadecimal(DdlTokens tokens) {
        String literal = tokens.take().text();
        if (tokens.peek().kind() == DdlTokens.Kind.STRING) {
            literal = literal + "'" + tokens.take().written() + "'";
        }
        return mariaDb ? Optional.empty() : Optional.of(literal.substring(2, literal.length() - 1));
    }

    /**
     * A double-quoted string as the single-quoted one Debezium's parser reads: its text as written, on MySQL with each
     * apostrophe doubled (3.6's MySQL connector single-quotes it before parsing).
     */
    private DdlTokens.Token doubleQuoted(DdlTokens.Token token) {
        String body = token.text();
        if (body.contains("''")) {
            throw new DdlTokens.Unsupported("a doubled quote in a double-quoted default");
        }
        String written = mariaDb ? body : body.replace("'", "''");
        return new DdlTokens.Token(DdlTokens.Kind.STRING, StringLiteralValue.unescape(written), written);
    }

    /**
     * A text column's default written with a prefix ({@code N'x'}, {@code _utf8mb4'x'}) or as adjacent strings
     * ({@code 'a' 'b'}), as Debezium's parser keeps it: the literal's text run together, its outer quotes removed
     * when it starts with one ({@code N'x'}, {@code a''b}); its converter then drops an introducer, not an N. Debezium
     * 3.6's MySQL parser drops an introducer itself ({@code y}), 3.5's MariaDB parser keeps it ({@code _utf8mb4'y'}).
     */
    private String joinedString(DdlTokens tokens, ColumnType type) {
        if (!type.dataType().equals("char") && !type.dataType().equals("varchar")) {
            throw new DdlTokens.Unsupported("a prefixed or joined string default on a " + type.dataType());
        }
        StringBuilder text = new StringBuilder();
        if (tokens.peek().kind() == DdlTokens.Kind.WORD) {
            String prefix = tokens.take().text();
            if (mariaDb || !prefix.startsWith("_")) {
                text.append(prefix);
            }
        }
        do {
            text.append('\'').append(tokens.take().written()).append('\'');
        } while (tokens.peek().kind() == DdlTokens.Kind.STRING);
        return text.charAt(0) == '\'' ? text.substring(1, text.length() - 1) : text.toString();
    }

    /** {@code CURRENT_TIMESTAMP}, {@code NOW()} and their precisions, on a DATETIME or TIMESTAMP. */
    private static void now(DdlTokens tokens, ColumnType type) {
        String word = tokens.name();
        if (!NOW.matcher(word).matches()
                || !type.dataType().equals("datetime") && !type.dataType().equals("timestamp")) {
            throw new DdlTokens.Unsupported(word + " on a " + type.dataType());
        }
        if (tokens.acceptSymbol("(")) {
            if (!tokens.acceptSymbol(")")) {
                tokens.number();
                tokens.expectSymbol(")");
            }
        } else if (word.equalsIgnoreCase("now")) {
            throw new DdlTokens.Unsupported("now without parentheses");
        }
    }

    private static String number(String number, ColumnType type) {
        if (type.isText() && !type.dataType().equals("enum") && !type.dataType().equals("set")
                && INTEGER.matcher(number).matches()) {
            // a whole number is stored as its digits; 0x41 or 1e3 would be converted
            return number;
        }
        boolean canonical = switch (type.dataType()) {
            // as written, as Debezium keeps it, whatever the server rounds it to (12.5 or 1e3 on an integer, more
            // decimals than a DECIMAL's, more digits than a FLOAT keeps): its converters round it as the server does
            case "tinyint", "smallint", "mediumint", "int", "bigint", "decimal", "float", "double" ->
                    NUMERIC.matcher(number).matches();
            case "year" -> number.matches("\\d{1,4}");
            // a BIT's or a TIME's number, as written: Debezium's converter reads a BIT's digits as bits and a TIME's
            // as HH:MM:SS (so DEFAULT 5 and DEFAULT 1000 are no default to it)
            case "bit", "time" -> number.matches("\\d+");
            default -> false;
        };
        if (!canonical) {
            throw new DdlTokens.Unsupported("default " + number + " on a " + type.dataType());
        }
        return number;
    }

    private static String text(DdlTokens.Token literal, ColumnType type) {
        String value = literal.text();
        String dataType = type.dataType();
        if (type.isText()) {
            // as written, escapes and all, as Debezium keeps it: a CHAR's trailing spaces (which the server drops),
            // members in another case or order than the ENUM's or SET's (which the server writes as the type spells
            // them), a \t (a tab to the server)
            if ((dataType.equals("enum") || dataType.equals("set")) && !members(value, type)) {
                throw new DdlTokens.Unsupported("a default that is not one member");
            }
            if (dataType.endsWith("text")) {
                throw new DdlTokens.Unsupported("a default of a " + dataType);
            }
            return literal.written();
        }
        if (type.isTemporal() && canonicalTemporal(value, type)) {
            return value;
        }
        if (type.dataType().equals("time")) {
            // as written, as Debezium keeps it: '1 02:03:04' is 26:03:04 to the server, no default to Debezium
            return value;
        }
        if (type.dataType().equals("binary") || type.dataType().equals("varbinary")) {
            // as written: Debezium's parser keeps the text, where the server pads a BINARY's with zero bytes
            return literal.written();
        }
        return number(value, type);
    }

    /**
     * Whether an ENUM's default is one of its members, a SET's some of them, whatever their case and trailing spaces
     * (which the server strips from both).
     */
    private static boolean members(String value, ColumnType type) {
        List<String> written = type.dataType().equals("set") && !value.isEmpty() ? List.of(value.split(",", -1))
                : List.of(value);
        return written.stream().allMatch(member -> type.enumValues().stream().anyMatch(known -> known.stripTrailing()
                .equalsIgnoreCase(StringLiterals.body(member).stripTrailing())));
    }

    /**
     * Whether a temporal literal is kept as the statement wrote it: all fields (a DATETIME's time may be left out),
     * and up to six decimals whatever the column's (the server pads fewer with zeros and rounds more, where Debezium
     * keeps the statement's text and cuts the decimals its schema has no room for; so does this reader).
     */
    private static boolean canonicalTemporal(String value, ColumnType type) {
        String fraction = "(\\.\\d{1,6})?";
        return switch (type.dataType().toLowerCase(Locale.ROOT)) {
            // a month or day of one digit: a date to the server, none to Debezium's converter (the epoch when NOT
            // NULL), and to DefaultValues
            case "date" -> value.matches("\\d{4}-\\d{1,2}-\\d{1,2}");
            case "time" -> value.matches(TIME.pattern() + fraction);
            // a date alone is midnight to the server and to Debezium's converters, which keep the text as written
            case "datetime" -> value.matches(DATE.pattern() + "( " + TIME.pattern() + fraction + ")?");
            // fields of fewer digits ('2020-1-2', '2020-01-02 3:04'), which Debezium's TIMESTAMP converter reads
            case "timestamp" -> LOOSE_TIMESTAMP.matcher(value).matches();
            // two digits or fewer are a year of 1970 to 2069 to the server and to Debezium's converter
            case "year" -> value.matches("\\d{1,4}");
            default -> false;
        };
    }
}
