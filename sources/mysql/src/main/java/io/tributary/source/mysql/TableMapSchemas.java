package io.tributary.source.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.tributary.api.SourceException;
import io.tributary.source.mysql.event.TableSchemas;
import io.tributary.source.mysql.schema.Collations;
import io.tributary.source.mysql.schema.ColumnDefinition;
import io.tributary.source.mysql.schema.TableDefinition;
import io.tributary.source.mysql.schema.TableId;
import io.tributary.source.mysql.schema.TableMapDefinitions;
import io.tributary.source.mysql.schema.ddl.DefinitionChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas to decode a rows event with. Normally the table's current definition from {@link SchemaCache}; when
 * the binlog is older than that definition (a later DDL statement already ran, or the table was dropped since — seen
 * as a layout that differs from the table map's, or as another structure, default or key than the last statement
 * read gave the table), the definition the snapshot or the last DDL statement read gave it ({@link
 * EmittedDefinitions}) when it fits the table map, else the definition the table map itself carries under {@code
 * binlog_row_metadata=FULL}. Without that metadata such rows
 * cannot be decoded safely, and reading stops with an error saying what to do. Not thread-safe.
 */
final class TableMapSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(TableMapSchemas.class);

    /**
     * The schemas last found to fit a table map, so that the rows events after the same table map (the same
     * instance, see {@code RepeatedTableMaps}) are not checked again.
     */
    private record Verified(TableMapEventData tableMap, Optional<TableSchemas> schemas) {
    }

    /** A table map's layout: column names, type codes and type metadata. */
    private record Layout(TableId id, List<String> names, String types, String metadata) {
        static Layout of(TableMapEventData tableMap) {
            return new Layout(new TableId(tableMap.getDatabase(), tableMap.getTable()),
                    tableMap.getEventMetadata().getColumnNames(), Arrays.toString(tableMap.getColumnTypes()),
                    Arrays.toString(tableMap.getColumnMetadata()) + tableMap.getColumnNullability());
        }
    }

    private final SchemaCache schemas;
    private final Map<TableId, Verified> verified = new HashMap<>();
    private Verified last;
    /**
     * The schemas built from a table map's layout, by the layout and the table as last described then (whose details
     * they took: a later statement that changes only those, a default say, makes new ones).
     */
    private record Historical(Layout layout, Optional<TableDefinition> described) {
    }

    private final Map<Historical, TableSchemas> historical = new HashMap<>();
    /** The schemas last built from a table's last described definition, which differed from the server's. */
    private final Map<TableId, Described> described = new HashMap<>();

    private record Described(TableDefinition definition, TableSchemas schemas) {
    }
    private final boolean mariaDb;
    private Collations collations;

    TableMapSchemas(SchemaCache schemas, boolean mariaDb) {
        this.schemas = schemas;
        this.mariaDb = mariaDb;
    }

    /** The schemas of the table the map describes, or empty when its changes are not captured. */
    Optional<TableSchemas> forRows(Connection connection, TableMapEventData tableMap) throws SQLException {
        if (last != null && last.tableMap() == tableMap) {
            return last.schemas();
        }
        TableId id = new TableId(tableMap.getDatabase(), tableMap.getTable());
        if (!schemas.includes(id)) {
            return Optional.empty();
        }
        Verified known = verified.get(id);
        if (known == null || known.tableMap() != tableMap) {
            known = new Verified(tableMap, Optional.of(find(connection, id, tableMap)));
            verified.put(id, known);
        }
        last = known;
        return known.schemas();
    }

    private TableSchemas find(Connection connection, TableId id, TableMapEventData tableMap) throws SQLException {
        Optional<TableSchemas> current = schemas.get(connection, id);
        // the table as the last statement read left it, defaults and all, is the one these rows were written with;
        // the server's is the same moment unless it has moved on
        Optional<TableDefinition> lastStatement = schemas.emitted().knownForRows(id)
                .filter(definition -> fitsColumnByColumn(definition, tableMap));
        // column by column: without binlog_row_metadata=FULL, a later table with as many columns would otherwise fit
        if (current.isPresent() && fitsColumnByColumn(current.get().definition(), tableMap) && (lastStatement.isEmpty()
                || DefinitionChoice.sameStructure(lastStatement.get(), current.get().definition()))) {
            return current.get();
        }
        if (lastStatement.isPresent()) {
            return schemasOfDescribed(lastStatement.get());
        }
        boolean full = TableMapDefinitions.hasFullMetadata(tableMap);
        Optional<TableDefinition> lastDescribed = schemas.emitted().known(id);
        Historical key = full ? new Historical(Layout.of(tableMap), lastDescribed) : null;
        if (full && historical.containsKey(key)) {
            return historical.get(key);
        }
        schemas.invalidate(id.database());
        current = schemas.get(connection, id);
        if (current.isPresent() && fitsColumnByColumn(current.get().definition(), tableMap)) {
            return current.get();
        }
        if (!full) {
            throw SourceException.fatal(mismatch(id, tableMap, current) + ", and no schema history knew the table "
                    + "as it was then. Set binlog_row_metadata=FULL on the server" + ServerConnections.PARAMETER_GROUP
                    + " so that the binlog carries each table's layout, or keep a schema history (the standalone runtime keeps one beside its offsets; "
                    + "elsewhere set tributary.schema.history.file), then take a new snapshot of the table (or leave "
                    + "it out with table.exclude.list).");
        }
        if (collations == null) {
            collations = Collations.read(connection);
        }
        // each column the layout shares (name and type) with the table as last described, which is nearer these
        // rows' moment than the server's table (it may show a later moment, not an earlier one), keeps its details
        Optional<TableDefinition> now = current.map(TableSchemas::definition);
        Optional<TableDefinition> nearest = lastDescribed.or(() -> now);
        TableDefinition definition = TableMapDefinitions.definition(tableMap, mariaDb, collations, nearest);
        LOG.warn("{}; decoding these rows with the layout the binlog carries (binlog_row_metadata=FULL): {}",
                mismatch(id, tableMap, current), definition.columns().stream()
                        .map(column -> column.name() + " " + column.columnType()).toList());
        TableSchemas schemasOfLayout = schemas.schemasOf(definition);
        historical.put(key, schemasOfLayout);
        return schemasOfLayout;
    }

    /** The schemas of a table's last described definition, built once per definition. */
    private TableSchemas schemasOfDescribed(TableDefinition definition) {
        Described known = described.get(definition.id());
        if (known == null || !known.definition().equals(definition)) {
            known = new Described(definition, schemas.schemasOf(definition));
            described.put(definition.id(), known);
        }
        return known.schemas();
    }

    /** Whether a definition has the table map's columns: their number, and names and types when it carries them. */
    private static boolean fits(TableDefinition definition, TableMapEventData tableMap) {
        List<ColumnDefinition> columns = definition.columns();
        if (tableMap.getColumnTypes().length != definition.binlogColumns()) {
            return false;
        }
        if (!TableMapDefinitions.hasFullMetadata(tableMap)) {
            return true;
        }
        List<String> names = tableMap.getEventMetadata().getColumnNames();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).name().equals(names.get(i))
                    || !TableMapDefinitions.sameFamily(columns.get(i), tableMap, i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a definition has the table map's columns, each of the type family the table map gives it (its type
     * codes and their metadata, which even {@code binlog_row_metadata=MINIMAL} writes), and their names when it
     * carries them.
     */
    private static boolean fitsColumnByColumn(TableDefinition definition, TableMapEventData tableMap) {
        if (!fits(definition, tableMap)) {
            return false;
        }
        for (int i = 0; i < definition.columns().size(); i++) {
            if (!TableMapDefinitions.sameFamily(definition.columns().get(i), tableMap, i)) {
                return false;
            }
        }
        return true;
    }

    private static String mismatch(TableId id, TableMapEventData tableMap, Optional<TableSchemas> current) {
        String logged = TableMapDefinitions.hasFullMetadata(tableMap)
                ? "columns " + tableMap.getEventMetadata().getColumnNames()
                : tableMap.getColumnTypes().length + " columns";
        String now = current.map(table -> "columns " + table.definition().columns().stream()
                .map(ColumnDefinition::name).toList() + " now").orElse("no longer exists");
        return "table " + id + " has " + logged + " in the binlog but " + now
                + ": its definition changed after these changes were written";
    }
}
