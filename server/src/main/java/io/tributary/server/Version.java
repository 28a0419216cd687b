package io.tributary.server;

import java.util.Optional;

/** The version the build wrote into the jar's manifest. */
public final class Version {
    private Version() {
    }

    public static String current() {
        return Optional.ofNullable(Version.class.getPackage().getImplementationVersion()).orElse("0.1.0-SNAPSHOT");
    }
}
