package vn.motcua.kiosk.ui.shell;

/** What fills the middle of the kiosk. */
public enum Screen {
    WELCOME, CONSENT, STEP, FEATURE,
    /** Parking a draft: the birth year; then the code to write down; resuming: code and year. */
    PARK, PARKED, RESUME,
    /** Taking up a draft an earlier run left cut off: the birth year. */
    RESUME_INTERRUPTED
}
