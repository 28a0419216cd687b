package io.tributary.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Hides secret values (passwords, keys, tokens, JAAS configs) before configuration is shown anywhere. */
final class Secrets {
    static final String HIDDEN = "[hidden]";
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|secret|sasl\\.jaas\\.config|token|credentials|access\\.key|private\\.key|api\\.key).*",
            Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key).matches();
    }

    static Map<String, String> masked(Map<String, String> config) {
        Map<String, String> masked = new LinkedHashMap<>();
        config.forEach((key, value) -> masked.put(key, isSecret(key) && !value.startsWith("${") ? HIDDEN : value));
        return masked;
    }
}
