package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Text about a pipeline shows a provided value as the reference it was written as. */
class ProvidedValuesTest {
    @Test
    void eachProvidedValueIsReplacedByItsReferenceLongestFirst() {
        ProvidedValues provided = ProvidedValues.of(
                Map.of("database.user", "${file:/c.properties:user}", "database.password", "${env:DB_PASSWORD}",
                        "database.port", "${env:DB_PORT}", "database.hostname", "db.example.com",
                        "database.server.id", "${env:ID}"),
                Map.of("database.user", "cdc", "database.password", "cdc-secret", "database.port", "3306",
                        "database.hostname", "db.example.com", "database.server.id", "7"));

        assertThat(provided.hide("the server at db.example.com:3306 refused user 'cdc' (password cdc-secret), id 7"))
                .isEqualTo("the server at db.example.com:${env:DB_PORT} refused user '${file:/c.properties:user}' "
                        + "(password ${env:DB_PASSWORD}), id 7");
        assertThat(provided.hide(null)).isNull();
        assertThat(provided.toString()).doesNotContain("cdc");
        assertThat(ProvidedValues.NONE.hide("cdc-secret")).isEqualTo("cdc-secret");
    }
}
