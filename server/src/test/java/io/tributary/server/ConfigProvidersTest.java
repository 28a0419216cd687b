package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka's own config providers resolve references in a pipeline file; what does not resolve is named, not shown. */
class ConfigProvidersTest {
    private static final String PROVIDER_PACKAGE = "org.apache.kafka.common.config.provider.";
    private static final String SECRET = "pa55-from-a-file";
    private static final String UNRESOLVED = " did not resolve: its provider has no such key (a missing file entry, "
            + "environment variable or file in the directory) or its allowed.paths param excludes the path; check the "
            + "reference or add the value";
    private static final String ALLOW_LIST = "org.apache.kafka.automatic.config.providers";

    @TempDir
    Path directory;

    @Test
    void fileDirectoryAndEnvironmentReferencesResolveWithKafkasProviders() throws IOException {
        Path credentials = write("db.properties", "password=" + SECRET + "\nuser=cdc\n");
        Files.createDirectory(directory.resolve("secrets"));
        Files.writeString(directory.resolve("secrets").resolve("token"), "t0ken");
        String path = System.getenv("PATH");
        Map<String, String> file = providers("file,dir,env", Map.of(
                "database.password", "${file:" + credentials + ":password}",
                "database.url", "jdbc:mariadb://${file:" + credentials + ":user}@db/${dir:" + directory.resolve(
                        "secrets") + ":token}",
                "search.path", "${env:PATH}",
                "table.name.format", "kafka_${topic}"));

        assertThat(ConfigProviders.resolve(file))
                .containsEntry("database.password", SECRET)
                .containsEntry("database.url", "jdbc:mariadb://cdc@db/t0ken")
                .containsEntry("search.path", path)
                .as("a ${...} without a provider's colon is not a reference").containsEntry("table.name.format",
                        "kafka_${topic}")
                .as("the providers' own keys stay as written").containsEntry("config.providers", "file,dir,env");
    }

    @Test
    void aFileWithoutReferencesOrProvidersIsReturnedAsItIs() {
        Map<String, String> file = Map.of("database.password", "plain", "transforms.route.replacement", "$1_${x}");

        assertThat(ConfigProviders.resolve(file)).isSameAs(file);
    }

    @Test
    void aParamReachesItsProvider() throws IOException {
        // FileConfigProvider's allowed.paths: a file outside them is read as holding nothing
        Path credentials = write("db.properties", "password=" + SECRET + "\n");
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
        Map<String, String> file = providers("file", Map.of("config.providers.file.param.allowed.paths",
                elsewhere.toString(), "database.password", "${file:" + credentials + ":password}"));

        assertThat(problems(file)).extracting(ConfigProblem::toString).containsExactly(
                "database.password: ${file:" + credentials + ":password}" + UNRESOLVED);
    }

    @Test
    void everyReferenceThatDoesNotResolveIsReportedWithItsKeyAndNeverAValue() throws IOException {
        Path credentials = write("db.properties", "password=" + SECRET + "\n");
        Path missing = directory.resolve("missing.properties");
        Map<String, String> file = providers("file,env", Map.of(
                "database.password", "${file:" + credentials + ":pasword}",
                "database.user", "${file:" + missing + ":user}",
                "database.hostname", "${env:TRIBUTARY_TEST_NO_SUCH_VARIABLE}",
                "database.port", "${secretManager:db-secret:port}"));

        List<ConfigProblem> problems = problems(file);

        assertThat(problems).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
                "database.password: ${file:" + credentials + ":pasword}" + UNRESOLVED,
                "database.hostname: ${env:TRIBUTARY_TEST_NO_SUCH_VARIABLE}" + UNRESOLVED,
                "database.user: cannot resolve ${file:" + missing + ":user}: Could not read properties from file "
                        + missing,
                "database.port: refers to config provider 'secretManager', which is not declared: add it to "
                        + "config.providers= and set config.providers.secretManager.class");
        assertThat(problems.toString()).doesNotContain(SECRET);
    }

    @Test
    void aProviderWithoutAClassOrWithAnUnknownOneIsAnError() {
        Map<String, String> file = Map.of("config.providers", "vault,aws",
                "config.providers.aws.class", "com.example.NoSuchConfigProvider",
                "database.password", "${vault:db:password}");

        assertThat(problems(file)).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "config.providers.vault.class", "config.providers.aws.class");
        Map<String, String> misspelt = new LinkedHashMap<>(providers("file", Map.of()));
        misspelt.put("config.providers.fiel.param.allowed.paths", "/etc");
        assertThat(problems(misspelt)).extracting(ConfigProblem::toString).containsExactly("config.providers.fiel: "
                + "configures provider 'fiel', which config.providers=file does not list; add it there or remove its "
                + "keys");
        assertThat(problems(file)).extracting(ConfigProblem::message).anySatisfy(message -> assertThat(message)
                .startsWith("class 'com.example.NoSuchConfigProvider' is not on the class path"));
    }

    @Test
    void kafkasAllowListOfProviderClassesIsHonoured() throws IOException {
        Path credentials = write("db.properties", "password=" + SECRET + "\n");
        Map<String, String> file = providers("file", Map.of("database.password", "${file:" + credentials
                + ":password}"));
        String before = System.getProperty(ALLOW_LIST);
        try {
            System.setProperty(ALLOW_LIST, PROVIDER_PACKAGE + "EnvVarConfigProvider");
            assertThat(problems(file)).extracting(ConfigProblem::toString).containsExactly(
                    "config.providers.file.class: '" + PROVIDER_PACKAGE + "FileConfigProvider' is not allowed by "
                            + "the JVM's -D" + ALLOW_LIST + "=" + PROVIDER_PACKAGE + "EnvVarConfigProvider; add it "
                            + "there (comma separated class names) or remove that system property");
            System.setProperty(ALLOW_LIST, PROVIDER_PACKAGE + "EnvVarConfigProvider, " + PROVIDER_PACKAGE
                    + "FileConfigProvider");
            assertThat(ConfigProviders.resolve(file)).containsEntry("database.password", SECRET);
        } finally {
            if (before == null) {
                System.clearProperty(ALLOW_LIST);
            } else {
                System.setProperty(ALLOW_LIST, before);
            }
        }
    }

    /** {@code names} declared with Kafka's provider for each name ({@code file}, {@code dir}, {@code env}). */
    private static Map<String, String> providers(String names, Map<String, String> others) {
        Map<String, Map.Entry<String, String>> classes = Map.of(
                "file", Map.entry("config.providers.file.class", PROVIDER_PACKAGE + "FileConfigProvider"),
                "dir", Map.entry("config.providers.dir.class", PROVIDER_PACKAGE + "DirectoryConfigProvider"),
                "env", Map.entry("config.providers.env.class", PROVIDER_PACKAGE + "EnvVarConfigProvider"));
        Map<String, String> file = new LinkedHashMap<>(Map.of("config.providers", names));
        for (String name : names.split(",")) {
            file.put(classes.get(name).getKey(), classes.get(name).getValue());
        }
        file.putAll(others);
        return file;
    }

    private static List<ConfigProblem> problems(Map<String, String> file) {
        try {
            ConfigProviders.resolve(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the references of " + file.keySet() + " to be refused");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
