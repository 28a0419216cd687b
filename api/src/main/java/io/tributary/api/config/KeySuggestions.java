package io.tributary.api.config;

import java.util.Collection;
import java.util.Optional;

/**
 * Did-you-mean for configuration keys: the known key a misspelt one was most likely meant to be. A key is taken for a
 * misspelling when at most two edits (a letter inserted, deleted, replaced, or two neighbours swapped) turn it into a
 * known key, one edit for keys shorter than eight characters.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeySuggestions {
    private KeySuggestions() {
    }

    /** The known key closest to {@code key}, when it is close enough to be a misspelling of it. */
    public static Optional<String> closest(String key, Collection<String> knownKeys) {
        int allowed = key.length() < 8 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        for (String known : knownKeys) {
            if (known.equals(key) || Math.abs(known.length() - key.length()) > allowed) {
                continue;
            }
            int distance = distance(key, known);
            if (distance < bestDistance || distance == bestDistance && best != null && known.compareTo(best) < 0) {
                best = known;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(bestDistance <= allowed ? best : null);
    }

    /** The text a problem ends with: {@code "; did you mean snapshot.mode?"}, or nothing. */
    public static String didYouMean(Optional<String> suggestion) {
        return suggestion.map(known -> "; did you mean " + known + "?").orElse("");
    }

    /** Edits between two strings, counting a swap of neighbours as one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
