package vn.motcua.kiosk.session;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The birth year a session's answers give for the citizen at the desk: what an interrupted
 * draft's resume is checked against (it has no code of its own). Empty when the answers do not
 * tell yet; such a draft is not offered, as nothing could show it is the citizen's own.
 */
@FunctionalInterface
public interface BirthYearOf {
    OptionalInt of(String procedureId, Map<String, String> answers);
}
