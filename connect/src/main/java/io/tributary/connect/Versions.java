package io.tributary.connect;

import java.util.Optional;

/** The version the build wrote into the jar's manifest. */
final class Versions {
    static final String TRIBUTARY = Optional.ofNullable(Versions.class.getPackage().getImplementationVersion())
            .orElse("0.1.0-SNAPSHOT");

    private Versions() {
    }
}
