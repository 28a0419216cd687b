package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misconfigured basic authentication is refused at start, naming what is wrong and what to do. */
class BasicAuthPreflightTest {
    @TempDir
    Path directory;

    @Test
    void aCompleteSetUpPasses() throws Exception {
        Path users = Files.writeString(directory.resolve("users.properties"), "admin: secret\n");

        assertThat(BasicAuthPreflight.check(jaas(BasicAuthPreflight.ENTRY, "file=\"" + users + "\"").toString()))
                .isEmpty();
    }

    @Test
    void aJvmWithoutAJaasFileIsToldHowToGiveOne() {
        assertThat(BasicAuthPreflight.check(null)).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("rest.extension.classes");
            assertThat(problem.message()).contains("needs a JAAS file but the JVM has none",
                    "-Djava.security.auth.login.config=<file>", "TRIBUTARY_JAVA_OPTS", BasicAuthPreflight.LOGIN_MODULE);
        });
    }

    @Test
    void eachBrokenPartIsNamed() throws Exception {
        assertThat(message(directory.resolve("absent.conf").toString())).contains("absent.conf, which does not exist");
        Path garbled = Files.writeString(directory.resolve("garbled.conf"), "KafkaConnect { this is not JAAS");
        assertThat(message(garbled.toString())).contains("garbled.conf cannot be parsed", "expected entries such as");
        assertThat(message(jaas("KafkaServer", "file=\"users\"").toString()))
                .contains("has no KafkaConnect entry", "add KafkaConnect {");
        assertThat(message(jaas(BasicAuthPreflight.ENTRY, "").toString()))
                .contains("gives PropertyFileLoginModule no users file");
        assertThat(message(jaas(BasicAuthPreflight.ENTRY, "file=\"" + directory.resolve("nobody.properties") + "\"")
                .toString())).contains("the users file " + directory.resolve("nobody.properties"),
                        "does not exist or cannot be read");
        Path empty = Files.writeString(directory.resolve("empty.properties"), "# nobody yet\n");
        assertThat(message(jaas(BasicAuthPreflight.ENTRY, "file=\"" + empty + "\"").toString()))
                .contains("the users file " + empty + " has no users", "lets every request in");
    }

    @Test
    void anExtensionThatCannotBeLoadedStopsTheStart() {
        assertThatThrownBy(() -> new RestFixture(directory, Map.of("rest.extension.classes",
                "com.example.NoSuchExtension, java.lang.String")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(ConfigProblem::key)
                        .containsOnly("rest.extension.classes").hasSize(2))
                .hasMessageContaining("cannot load com.example.NoSuchExtension")
                .hasMessageContaining("java.lang.String is not a Kafka Connect REST extension");
    }

    private String message(String loginConfig) {
        return BasicAuthPreflight.check(loginConfig).stream().map(ConfigProblem::message).findFirst().orElse("");
    }

    private Path jaas(String entry, String options) throws Exception {
        return Files.writeString(directory.resolve(entry + ".conf"), entry + " {\n  " + BasicAuthPreflight.LOGIN_MODULE
                + " required " + options + ";\n};\n");
    }
}
