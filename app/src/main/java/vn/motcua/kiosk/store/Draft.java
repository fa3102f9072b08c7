package vn.motcua.kiosk.store;

import java.time.Instant;

/**
 * A session's answers as last saved. {@code revision} grows with every save so a reader can tell
 * which write it holds; {@code parked} drafts outlive their session (the citizen asked to keep them).
 */
public record Draft(String id, String sessionId, String step, byte[] payload, boolean parked, long revision,
                    Instant updatedAt) {}
