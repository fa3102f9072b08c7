package vn.motcua.kiosk.ui.shell;

/** What fills the middle of the kiosk. */
public enum Screen {
    WELCOME, CONSENT, STEP, FEATURE
}
