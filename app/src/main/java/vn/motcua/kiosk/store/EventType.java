package vn.motcua.kiosk.store;

/** What the event log may record. Details are counts and reasons, never personal data. */
public enum EventType {
    KIOSK_STARTED, SESSION_STARTED, CONSENT_GIVEN, CONSENT_DECLINED, SESSION_ENDED, SESSION_ERASED,
    INTERRUPTED_SESSION_ERASED, DRAFT_PARKED, DRAFT_RESUMED, DRAFT_RESUME_REFUSED, PARKED_DRAFTS_EXPIRED,
    DOSSIER_FILED, HELP_REQUESTED, HELP_ANSWERED, STAFF_PIN_ACCEPTED, STAFF_PIN_REFUSED,
    STAFF_LEFT_FULL_SCREEN, STAFF_QUIT,
    /** Staff reprinted, resent or discarded (detail: the action and the staff member's configured name). */
    STAFF_ACTION,
    /** An e-result not printed: its signature did not hold (detail: the problem, no code, no name). */
    RESULT_REFUSED,
    /** Staff discarded a refused dossier (detail: procedure and reason, no reference, no name). */
    OUTBOX_DISCARDED,
    /** Housekeeping erased what its retention was over for (detail: counts only). */
    RETENTION_ERASED,
    /** Staff started training afresh: the training portal's dossiers and the kiosk's leftovers erased (detail: counts). */
    TRAINING_ERASED,
    /** A session's answers taken up from one an earlier run left cut off (detail: how many answers). */
    INTERRUPTED_DRAFT_RESUMED,
    /** A volunteer (or staff member) signed in to help (detail: their configured name). */
    VOLUNTEER_SIGNED_IN,
    /** They signed out, by a tap or after the configured time untouched (detail: name, reason, minutes). */
    VOLUNTEER_SIGNED_OUT,
    /** A dossier reached the portal (detail: procedure, seconds it waited in the outbox; no reference, no name). */
    DOSSIER_SENT,
    /** The bank confirmed a fee paid by VietQR (detail: amount in đồng). */
    PAYMENT_CONFIRMED,
    /** A session a signed-in volunteer helped with (session id; detail: the volunteer's name, nothing of the citizen). */
    SESSION_HELPED
}
