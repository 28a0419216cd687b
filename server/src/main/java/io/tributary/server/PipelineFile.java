package io.tributary.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;

/**
 * Reads a pipeline file: Java properties ({@code key=value} or {@code key: value}, {@code #} and {@code !}
 * comments, a trailing backslash continues a line), stricter than {@link java.util.Properties} so that mistakes
 * are reported with their line instead of becoming odd keys: a line without {@code =} or {@code :}, and a key given
 * twice, are errors.
 */
public final class PipelineFile {
    private PipelineFile() {
    }

    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(),
                    "cannot read the pipeline file: there is no such file (" + file.toAbsolutePath() + ")")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(),
                    "cannot read the pipeline file: " + e)));
        }
        return parse(file.getFileName().toString(), lines);
    }

    static Map<String, String> parse(String name, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> definedAt = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i).strip());
            while (endsWithContinuation(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(lines.get(++i).strip());
            }
            String line = logical.toString();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int separator = separatorIndex(line);
            if (separator <= 0) {
                problems.add(new ConfigProblem(name + ":" + number, "expected key=value, found '"
                        + abbreviate(line) + "'"));
                continue;
            }
            String key = unescape(line.substring(0, separator).strip());
            String value = unescape(line.substring(separator + 1).strip());
            Integer earlier = definedAt.put(key, number);
            if (earlier != null) {
                problems.add(new ConfigProblem(key, "given twice, on lines " + earlier + " and " + number
                        + " of " + name + "; keep one"));
            }
            values.put(key, value);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return values;
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int separatorIndex(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Resolves the escapes {@link java.util.Properties#store} writes: {@code \\:}, {@code \\=}, {@code \\uXXXX}, ... */
    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append(next);
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** The start of a line, so that a value (perhaps a secret) on it is not printed whole. */
    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
