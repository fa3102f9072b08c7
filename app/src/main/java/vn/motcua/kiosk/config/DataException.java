package vn.motcua.kiosk.config;

import java.util.List;
import java.util.stream.Collectors;

/** A data file of {@code kiosk-config/} cannot be used; start-up names every problem found. */
public final class DataException extends Exception {
    private final List<DataProblem> problems;

    public DataException(List<DataProblem> problems) {
        super(problems.stream().map(DataProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public DataException(DataProblem problem) {
        this(List.of(problem));
    }

    public List<DataProblem> problems() {
        return problems;
    }
}
