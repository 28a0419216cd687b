package io.tributary.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.tributary.testkit.TestingBinlogServer;
import io.tributary.testkit.TestingSchemaRegistry;
import org.junit.jupiter.api.Test;

/**
 * Avro with a schema registry, Debezium against Tributary: the type catalogue and its schema-change events, snapshot
 * and streaming, then a column added (with a default) and another dropped while streaming, captured by Debezium with
 * Apicurio Registry's {@code AvroConverter} (2.6, as Debezium's images ship it, in Confluent's wire format) and by
 * Tributary's Avro encoder into one real registry. Every record is equal — the same registered schema (the same
 * content id) and the same decoded value — in Avro as in both JSON forms, and the registry holds one subject per
 * topic and key, the changed table's with a version per table version. Each server's subclass says which server.
 */
abstract class AvroDifferentialIT extends CatalogueRuns {
    @Test
    void catalogueAndSchemaChangesInAvroEqualDebeziumsWithApicuriosConverter() throws Exception {
        try (TestingSchemaRegistry registry = TestingSchemaRegistry.create();
                TestingBinlogServer database = server().startPermissive()) {
            server().runScripts(database, "types");
            DifferentialRun run = DifferentialRun.startWithAvro(database, "avro-catalogue",
                    Map.of("database.include.list", "catalog", "include.schema.changes", "true"), registry);
            try (run) {
                run.awaitAlike(TIMEOUT);
                server().runScripts(database, "types-changes");
                database.execute("ALTER TABLE catalog.keyless ADD COLUMN note VARCHAR(10) NULL DEFAULT 'n/a'",
                        "INSERT INTO catalog.keyless VALUES ('c', 3, 'noted')",
                        "ALTER TABLE catalog.keyless DROP COLUMN amount",
                        "UPDATE catalog.keyless SET note = 'changed' WHERE name = 'c'");
                run.awaitAlike(TIMEOUT);
            }
            run.compare();

            assertThat(run.debeziumAvroLog().orElseThrow().size()).isGreaterThan(50);
            String subjects = get(registry.confluentUrl() + "/subjects");
            assertThat(subjects).contains("\"diff-key\"", "\"diff-value\"", "\"diff.catalog.types-value\"",
                    "\"diff.catalog.composite-key\"");
            assertThat(get(registry.confluentUrl() + "/subjects/diff.catalog.keyless-value/versions"))
                    .isEqualTo("[1,2,3]");
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
