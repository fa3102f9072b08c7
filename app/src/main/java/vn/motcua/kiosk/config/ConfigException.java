package vn.motcua.kiosk.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used; start-up stops and the kiosk shows these problems. */
public final class ConfigException extends Exception {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream()
                .map(p -> p.file() + " [" + p.key() + "]: expected " + p.expected() + " " + p.args()
                        + (p.found() == null ? "" : ", found " + p.found()))
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
