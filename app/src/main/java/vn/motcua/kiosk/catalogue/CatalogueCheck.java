package vn.motcua.kiosk.catalogue;

import java.util.List;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.i18n.Messages;

/**
 * One line for {@code doctor}: a name and a detail as message keys with arguments, OK or not;
 * for a problem of the data, the problem itself. Plain data, so doctor and the staff screen can
 * both print it.
 */
public record CatalogueCheck(String nameKey, boolean ok, String detailKey, List<String> args, DataProblem problem) {
    public CatalogueCheck {
        args = List.copyOf(args);
    }

    static CatalogueCheck ok(String nameKey, String detailKey, Object... args) {
        return new CatalogueCheck(nameKey, true, detailKey, java.util.Arrays.stream(args).map(String::valueOf).toList(),
                null);
    }

    static CatalogueCheck problem(String nameKey, String detailKey, Object... args) {
        return new CatalogueCheck(nameKey, false, detailKey,
                java.util.Arrays.stream(args).map(String::valueOf).toList(), null);
    }

    static CatalogueCheck of(String nameKey, DataProblem p) {
        return new CatalogueCheck(nameKey, false, "data.problem", List.of(), p);
    }

    /** The detail in the kiosk's language. */
    public String detail(Messages m) {
        return problem == null ? m.get(detailKey, args.toArray()) : describe(m, problem);
    }

    /** A data problem as one sentence: file, procedure, field, what was expected, what was found. */
    public static String describe(Messages m, DataProblem p) {
        String expected = m.get(p.messageKey(), p.args().toArray());
        String found = p.found() == null ? "" : m.get("config.found", p.found());
        return m.get("data.problem", p.file(), p.procedure(), p.field(), expected, found);
    }
}
