package io.tributary.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.URIParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import io.tributary.api.config.ConfigProblem;

/**
 * Checks, before the REST API starts, what Kafka Connect's {@code BasicAuthSecurityRestExtension} would only find out
 * on the first request (when every request would then be refused, or with an empty users file, every one let in):
 * that the JVM names a JAAS file, that it parses, that it has a {@code KafkaConnect} entry, and that each
 * {@code PropertyFileLoginModule} there names a users file that can be read and has users (Connect lets every request
 * in when it has none). Of a users file only its entries are counted: it holds passwords.
 */
final class BasicAuthPreflight {
    static final String EXTENSION = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
    static final String LOGIN_MODULE = "org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule";
    static final String LOGIN_CONFIG_PROPERTY = "java.security.auth.login.config";
    /** The JAAS entry Connect's filter logs in with. */
    static final String ENTRY = "KafkaConnect";

    private static final String KEY = PipelineOptions.REST_EXTENSION_CLASSES.key();
    private static final String EXAMPLE = ENTRY + " { " + LOGIN_MODULE + " required file=\"/etc/tributary/users"
            + ".properties\"; };";

    private BasicAuthPreflight() {
    }

    /**
     * @param loginConfig the value of the JVM's {@code java.security.auth.login.config}, or null when unset
     * @return every problem found; empty when basic authentication will work
     */
    static List<ConfigProblem> check(String loginConfig) {
        if (loginConfig == null || loginConfig.isBlank()) {
            return List.of(problem("BasicAuthSecurityRestExtension needs a JAAS file but the JVM has none: start "
                    + "Java with -D" + LOGIN_CONFIG_PROPERTY + "=<file> (in TRIBUTARY_JAVA_OPTS or JAVA_TOOL_OPTIONS) "
                    + "holding " + EXAMPLE));
        }
        // a leading '=' (-Djava.security.auth.login.config==file) means "only this file" to the JDK
        String location = loginConfig.startsWith("=") ? loginConfig.substring(1) : loginConfig;
        URI uri = location.startsWith("file:") ? URI.create(location) : Path.of(location).toAbsolutePath().toUri();
        if (!Files.isReadable(Path.of(uri))) {
            return List.of(problem(LOGIN_CONFIG_PROPERTY + " names " + Path.of(uri) + ", which does not exist or "
                    + "cannot be read: point it at the JAAS file holding " + EXAMPLE));
        }
        Configuration configuration;
        try {
            configuration = Configuration.getInstance("JavaLoginConfig", new URIParameter(uri));
        } catch (NoSuchAlgorithmException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return List.of(problem("the JAAS file " + Path.of(uri) + " cannot be parsed (" + cause.getMessage()
                    + "): expected entries such as " + EXAMPLE));
        }
        AppConfigurationEntry[] entries = configuration.getAppConfigurationEntry(ENTRY);
        if (entries == null) {
            return List.of(problem("the JAAS file " + Path.of(uri) + " has no " + ENTRY + " entry, the one Kafka "
                    + "Connect's basic authentication logs in with: add " + EXAMPLE));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (AppConfigurationEntry entry : entries) {
            if (entry.getLoginModuleName().equals(LOGIN_MODULE)) {
                checkUsersFile(Path.of(uri), entry.getOptions(), problems);
            }
        }
        return problems;
    }

    private static void checkUsersFile(Path jaasFile, Map<String, ?> options, List<ConfigProblem> problems) {
        Object file = options.get("file");
        if (file == null || file.toString().isBlank()) {
            problems.add(problem("the " + ENTRY + " entry of " + jaasFile + " gives PropertyFileLoginModule no "
                    + "users file: add file=\"<path>\" naming a file of user: password lines"));
        } else if (!Files.isReadable(Path.of(file.toString()))) {
            problems.add(problem("the users file " + Path.of(file.toString()).toAbsolutePath() + " named in "
                    + jaasFile + " does not exist or cannot be read (a relative path is taken from the working "
                    + "directory): create it with user: password lines, or correct file=\"...\""));
        } else if (hasNoUsers(Path.of(file.toString()))) {
            problems.add(problem("the users file " + Path.of(file.toString()).toAbsolutePath() + " has no users, "
                    + "and Connect's login module then lets every request in: add user: password lines"));
        }
    }

    /** Only counts the entries: the passwords stay in the file. */
    private static boolean hasNoUsers(Path usersFile) {
        Properties users = new Properties();
        try (InputStream in = Files.newInputStream(usersFile)) {
            users.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return false; // the login module reports what it cannot read
        }
        return users.isEmpty();
    }

    private static ConfigProblem problem(String message) {
        return new ConfigProblem(KEY, message);
    }
}
