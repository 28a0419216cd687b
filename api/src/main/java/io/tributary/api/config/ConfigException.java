package io.tributary.api.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration has problems; all of them are listed, each naming its key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String describe(List<ConfigProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " configuration problem:" : " configuration problems:")
                + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining());
    }
}
