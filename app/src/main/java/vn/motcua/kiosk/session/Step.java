package vn.motcua.kiosk.session;

/** The citizen's path (design.md steps 2–10), in order. The step bar shows these. */
public enum Step {
    CONSENT, PROCEDURE, APPLICANT, FORM, PAPERS, SIGN, FEE, SUBMIT, RECEIPT
}
