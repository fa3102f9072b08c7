package vn.motcua.kiosk.session;

import java.time.Instant;

/**
 * A session an earlier run left cut off (a crash, a power cut, a kill), whose answers may still be
 * taken up: only what names nobody — its random id, the procedure, when it was last saved and
 * until when it can be resumed.
 */
public record InterruptedDraft(String sessionId, String procedureId, Instant lastSaved, Instant until) {}
