package io.tributary.core;

import java.util.ArrayList;
import java.util.List;

/** What went wrong, in words: a failure's message and those of its causes that add something. */
public final class Causes {
    private Causes() {
    }

    /** The failure's message first, then each cause's message not already contained in what came before. */
    public static List<String> messages(Throwable e) {
        List<String> messages = new ArrayList<>();
        messages.add(String.valueOf(e.getMessage()));
        StringBuilder seen = new StringBuilder(messages.get(0));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !seen.toString().contains(cause.getMessage())) {
                messages.add(cause.getMessage());
                seen.append(cause.getMessage());
            }
        }
        return messages;
    }
}
