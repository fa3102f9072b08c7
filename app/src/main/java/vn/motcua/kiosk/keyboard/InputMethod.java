package vn.motcua.kiosk.keyboard;

/** How letter and digit keys are read: Telex, VNI, or as typed (for e-mail addresses and codes). */
public enum InputMethod {
    TELEX,
    VNI,
    PLAIN
}
