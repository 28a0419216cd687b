package io.tributary.source.mysql.binlog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON path as MySQL writes one into a partial update: {@code $} then member steps ({@code .name} or
 * {@code ."quoted name"}) and array steps ({@code [2]}, {@code [last]}, {@code [last - 1]}). Wildcards and ranges
 * cannot occur there and are refused.
 */
final class JsonPath {
    /**
     * One step: a member name, or an array position counted from the start or, when {@code fromLast}, back from the
     * last element.
     */
    record Leg(String member, int position, boolean fromLast) {
        /** The position in an array of {@code size} elements. */
        int index(int size) {
            return fromLast ? size - 1 - position : position;
        }
    }

    private final String path;
    private int at;

    private JsonPath(String path) {
        this.path = path;
    }

    /** The steps of a path; none for {@code $} itself. */
    static List<Leg> legs(String path) throws IOException {
        return new JsonPath(path).parse();
    }

    private List<Leg> parse() throws IOException {
        spaces();
        expect('$');
        List<Leg> legs = new ArrayList<>();
        while (spaces() < path.length()) {
            char step = path.charAt(at++);
            if (step == '.') {
                spaces();
                legs.add(new Leg(at < path.length() && path.charAt(at) == '"' ? quoted() : bare(), 0, false));
            } else if (step == '[') {
                legs.add(arrayStep());
            } else {
                throw refused("a step must start with '.' or '['");
            }
        }
        return legs;
    }

    private Leg arrayStep() throws IOException {
        spaces();
        Leg leg;
        if (path.startsWith("last", at)) {
            at += 4;
            spaces();
            int back = 0;
            if (at < path.length() && path.charAt(at) == '-') {
                at++;
                spaces();
                back = number();
            }
            leg = new Leg(null, back, true);
        } else {
            leg = new Leg(null, number(), false);
        }
        spaces();
        expect(']');
        return leg;
    }

    private String bare() throws IOException {
        int start = at;
        while (at < path.length() && ".[ ".indexOf(path.charAt(at)) < 0) {
            at++;
        }
        String name = path.substring(start, at);
        if (name.isEmpty() || name.contains("*")) {
            throw refused("a member step needs a name, and wildcards cannot be applied");
        }
        return name;
    }

    private String quoted() throws IOException {
        StringBuilder name = new StringBuilder();
        at++;
        while (at < path.length()) {
            char c = path.charAt(at++);
            if (c == '"') {
                return name.toString();
            }
            if (c != '\\') {
                name.append(c);
                continue;
            }
            char escaped = path.charAt(at++);
            switch (escaped) {
                case 'b' -> name.append('\b');
                case 'f' -> name.append('\f');
                case 'n' -> name.append('\n');
                case 'r' -> name.append('\r');
                case 't' -> name.append('\t');
                case 'u' -> {
                    name.append((char) Integer.parseInt(path.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> name.append(escaped);
            }
        }
        throw refused("a quoted member name is not closed");
    }

    private int number() throws IOException {
        int start = at;
        while (at < path.length() && Character.isDigit(path.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw refused("an array step needs a position (wildcards and ranges cannot be applied)");
        }
        return Integer.parseInt(path.substring(start, at));
    }

    private int spaces() {
        while (at < path.length() && Character.isWhitespace(path.charAt(at))) {
            at++;
        }
        return at;
    }

    private void expect(char c) throws IOException {
        if (at >= path.length() || path.charAt(at) != c) {
            throw refused("expected '" + c + "'");
        }
        at++;
    }

    private IOException refused(String why) {
        return new IOException("cannot read the JSON path " + path + " of a partial JSON update at character " + at
                + ": " + why);
    }
}
