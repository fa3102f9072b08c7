package vn.motcua.kiosk.store;

/** What the event log may record. Details are counts and reasons, never personal data. */
public enum EventType {
    KIOSK_STARTED, SESSION_STARTED, CONSENT_GIVEN, CONSENT_DECLINED, SESSION_ENDED, SESSION_ERASED,
    INTERRUPTED_SESSION_ERASED, PARKED_DRAFTS_EXPIRED, HELP_REQUESTED, STAFF_PIN_ACCEPTED, STAFF_PIN_REFUSED,
    STAFF_LEFT_FULL_SCREEN, STAFF_QUIT
}
