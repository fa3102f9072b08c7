package vn.motcua.kiosk.store;

import java.time.Instant;

public record Event(long id, Instant at, EventType type, String sessionId, String detail) {}
