package io.tributary.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * DynamoDB Local, in memory, serving the DynamoDB HTTP API on a free port of 127.0.0.1 inside this JVM.
 *
 * <p>DynamoDB Local stores tables in SQLite through sqlite4java, whose native library the build resolves from
 * Maven Central and packs into this module; it is unpacked into a private directory once per JVM.
 */
public final class TestingDynamoDb implements Closeable {
    public static final Region REGION = Region.US_EAST_1;
    /** DynamoDB Local accepts any credentials made of letters and digits; the client factory uses these. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("tributary", "tributary");

    private static final String NATIVE_LIBRARY = "libsqlite4java-linux-amd64.so";
    private static Path nativeLibraryDirectory;

    private final int port;
    private final DynamoDBProxyServer server;

    private TestingDynamoDb(int port, DynamoDBProxyServer server) {
        this.port = port;
        this.server = server;
    }

    public static TestingDynamoDb create() {
        System.setProperty("sqlite4java.library.path", nativeLibraryDirectory().toString());
        int port = FreePorts.next();
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
            server.start();
        } catch (Exception e) {
            throw new TestkitException("cannot start DynamoDB Local on port " + port + ": " + e.getMessage(), e);
        }
        TestingDynamoDb dynamoDb = new TestingDynamoDb(port, server);
        ExitCleanup.register(dynamoDb);
        return dynamoDb;
    }

    private static synchronized Path nativeLibraryDirectory() {
        if (nativeLibraryDirectory == null) {
            String resource = "native/" + NATIVE_LIBRARY;
            try (InputStream library = TestingDynamoDb.class.getResourceAsStream(resource)) {
                if (library == null) {
                    throw new TestkitException("the sqlite4java native library is missing from the test kit ("
                            + resource + "); rebuild it with `mvn -pl testkit package`");
                }
                Path directory = Files.createTempDirectory("tributary-sqlite4java-");
                Files.copy(library, directory.resolve(NATIVE_LIBRARY), StandardCopyOption.REPLACE_EXISTING);
                directory.toFile().deleteOnExit();
                directory.resolve(NATIVE_LIBRARY).toFile().deleteOnExit();
                nativeLibraryDirectory = directory;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the sqlite4java native library", e);
            }
        }
        return nativeLibraryDirectory;
    }

    /** The HTTP endpoint, for {@code aws.dynamodb.endpoint} or an SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** A client builder aimed at this server, with {@link #REGION} and dummy {@link #CREDENTIALS}. */
    public DynamoDbClientBuilder clientBuilder() {
        return clientBuilder(endpoint());
    }

    /** A client builder aimed at DynamoDB Local at {@code endpoint} (in another JVM), as {@link #clientBuilder()}. */
    public static DynamoDbClientBuilder clientBuilder(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /** A new client; the caller closes it. */
    public DynamoDbClient client() {
        return clientBuilder().build();
    }

    @Override
    public void close() {
        ExitCleanup.unregister(this);
        try {
            server.stop();
        } catch (Exception e) {
            throw new TestkitException("cannot stop DynamoDB Local on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TestingDynamoDb[" + endpoint() + "]";
    }
}
