package io.tributary.source.mysql.schema.ddl;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definition of a table right after a DDL statement, worked out from the statement and the table's definition
 * before it, as {@code information_schema} would have shown it at that moment. Understands CREATE TABLE, ALTER TABLE
 * (columns added, dropped, modified, changed, renamed, defaults set and dropped, keys and indexes added and dropped),
 * CREATE INDEX and DROP INDEX over the MySQL and MariaDB types whose {@code information_schema} spelling is certain.
 * Whatever a statement holds that it does not fully understand, it answers empty: the caller then reads the table
 * from the server. Stateless and thread-safe.
 */
public final class DdlApplier {
    private static final Logger LOG = LoggerFactory.getLogger(DdlApplier.class);
    /**
     * MariaDB's system versioning: whether a table keeps hidden period columns is read from the server (a statement
     * naming one of these words may add or drop them).
     */
    private static final Pattern SYSTEM_VERSIONING = Pattern.compile(
            "(?i)\\b(VERSIONING|SYSTEM_TIME|ROW\\s+START|ROW\\s+END)\\b");

    private final CreateTableReader creates;
    private final AlterTableReader alters;
    private final boolean mariaDb;

    /** @param mariaDb whether the server is MariaDB, whose {@code information_schema} spells types its own way */
    public DdlApplier(boolean mariaDb) {
        this.creates = new CreateTableReader(mariaDb);
        this.alters = new AlterTableReader(mariaDb);
        this.mariaDb = mariaDb;
    }

    /**
     * The table {@code id} after {@code sql}.
     *
     * @param previous the table before the statement; not needed by a CREATE TABLE
     * @param fallbackCharset the character set a CREATE TABLE that names none gives the table
     * @return empty when the statement is not one of those understood, names another table's columns in a way not
     *     understood, or holds anything else not understood
     */
    public Optional<TableDefinition> apply(String sql, TableId id, Optional<TableDefinition> previous,
            Optional<String> fallbackCharset) {
        if (SYSTEM_VERSIONING.matcher(sql).find()) {
            LOG.debug("The definition of {} after a statement about system versioning is read from the server", id);
            return Optional.empty();
        }
        try {
            DdlTokens tokens = DdlTokens.of(sql, mariaDb);
            if (tokens.accept("CREATE", "TABLE")) {
                return Optional.of(creates.read(tokens, id, fallbackCharset));
            }
            if (previous.isEmpty()) {
                return Optional.empty();
            }
            TableDraft draft = TableDraft.of(previous.get());
            if (tokens.accept("ALTER", "TABLE")) {
                tokens.qualifiedName();
                alters.apply(tokens, draft);
            } else if (tokens.accept("CREATE")) {
                alters.createIndex(tokens, draft);
            } else if (tokens.accept("DROP")) {
                alters.dropIndex(tokens, draft);
            } else {
                return Optional.empty();
            }
            return Optional.of(draft.definition());
        } catch (DdlTokens.Unsupported e) {
            LOG.debug("The definition of {} after a statement is read from the server: {}", id, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("The definition of {} after a statement is read from the server; the statement could not be "
                    + "applied: {}", id, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The columns an ALTER TABLE that {@link #apply} did not understand as a whole defines (added, modified, changed),
     * each read on its own where understood, as Debezium's parser reads them: to spell the server's description of
     * them as the statement did (a {@code BOOLEAN} added beside a column not understood).
     *
     * @param previous the table before the statement, whose character set text columns without their own take
     * @return empty when the statement is no ALTER TABLE, or no column could be read
     */
    public Optional<TableDefinition> columnsDefined(String sql, TableDefinition previous) {
        return readInParts(sql, previous.id(), "ALTER", tokens -> {
            tokens.qualifiedName();
            List<ColumnDefinition> defined = alters.columnsDefined(tokens, TableDraft.of(previous));
            return defined.isEmpty() ? Optional.empty() : Optional.of(new TableDefinition(previous.id(), defined,
                    previous.key(), previous.defaultCharset(), previous.comment(), previous.hiddenSystemPeriod(),
                    previous.declaredCharset()));
        });
    }

    /**
     * The columns a CREATE TABLE that {@link #apply} did not understand as a whole defines, each read on its own: as
     * Debezium's parser reads them where understood (a {@code BOOLEAN}, an {@code INTEGER(5)}, a default as written),
     * which the server's description of the table does not say.
     *
     * @return empty when the statement is no CREATE TABLE with columns, or nothing could be read
     */
    public Optional<ColumnsRead> columnsRead(String sql, TableId id, Optional<String> fallbackCharset) {
        return readInParts(sql, id, "CREATE",
                tokens -> Optional.of(creates.readColumns(tokens, id, fallbackCharset)));
    }

    /** What {@code reader} reads of a {@code <verb> TABLE} statement after those words; empty for another statement. */
    private <T> Optional<T> readInParts(String sql, TableId id, String verb, Function<DdlTokens, Optional<T>> reader) {
        if (SYSTEM_VERSIONING.matcher(sql).find()) {
            return Optional.empty();
        }
        try {
            DdlTokens tokens = DdlTokens.of(sql, mariaDb);
            return tokens.accept(verb, "TABLE") ? reader.apply(tokens) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.debug("No column of {} could be read from its {} TABLE: {}", id, verb, e.toString());
            return Optional.empty();
        }
    }
}
