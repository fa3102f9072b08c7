package vn.motcua.kiosk.session;

/** Why a session ended; recorded in the event log. */
public enum EndReason {
    /** The citizen or volunteer pressed "Kết thúc". */
    FINISHED,
    /** Nobody touched the screen until the inactivity limit. */
    TIMEOUT,
    /** The citizen parked the draft behind a resume code and left. */
    PARKED,
    /** The citizen did not consent. */
    CONSENT_DECLINED,
    /** Staff closed the kiosk while a session was open. */
    KIOSK_CLOSED
}
