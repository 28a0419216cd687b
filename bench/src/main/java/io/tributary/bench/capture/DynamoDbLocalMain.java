package io.tributary.bench.capture;

import java.nio.file.Path;

import io.tributary.testkit.TestingDynamoDb;

/**
 * The benchmark's DynamoDB Local (in memory) in a JVM of its own ({@link ServerJvm}): writes its endpoint to the
 * file named by the argument, then serves until its standard input ends.
 */
public final class DynamoDbLocalMain {
    private DynamoDbLocalMain() {
    }

    public static void main(String[] args) throws Exception {
        try (TestingDynamoDb dynamoDb = TestingDynamoDb.create()) {
            ServerJvm.serve(Path.of(args[0]), dynamoDb.endpoint().toString());
        }
        System.exit(0);
    }
}
