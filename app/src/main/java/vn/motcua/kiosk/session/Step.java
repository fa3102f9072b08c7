package vn.motcua.kiosk.session;

/**
 * The citizen's path (design.md steps 2–10), in order. The step bar shows these. The fee comes after
 * submitting: the portal's payment intent needs a filed dossier (decision 0004).
 */
public enum Step {
    CONSENT, PROCEDURE, APPLICANT, FORM, PAPERS, SIGN, SUBMIT, FEE, RECEIPT
}
