package io.tributary.source.mysql;

import java.util.Locale;

/**
 * Debezium's {@code database.ssl.mode}: whether connections to the server use TLS and what they check. Both
 * connectors' spellings are accepted — the MySQL connector's ({@code disabled}, {@code preferred}, {@code required},
 * {@code verify_ca}, {@code verify_identity}) and the MariaDB connector's ({@code disable}, {@code trust},
 * {@code verify-ca}, {@code verify-full}).
 */
public enum SslMode {
    /** Plain connections. */
    DISABLED,
    /** TLS when the server offers it, plain otherwise; the certificate is not checked. */
    PREFERRED,
    /** TLS or no connection; the certificate is not checked. */
    REQUIRED,
    /** TLS with a certificate signed by a trusted authority (the trust store's, else the JVM's). */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate names the host connected to. */
    VERIFY_IDENTITY;

    static final String EXPECTED = "one of disabled, preferred, required, verify_ca, verify_identity (or the MariaDB "
            + "connector's disable, trust, verify-ca, verify-full)";

    /**
     * @throws IllegalArgumentException for a value neither connector knows
     */
    public static SslMode parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "disabled", "disable" -> DISABLED;
            case "preferred" -> PREFERRED;
            case "required", "trust" -> REQUIRED;
            case "verify_ca" -> VERIFY_CA;
            case "verify_identity", "verify_full" -> VERIFY_IDENTITY;
            default -> throw new IllegalArgumentException("not " + EXPECTED);
        };
    }

    /** Whether the server's certificate is checked against trusted authorities. */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
