/**
 * Signing a dossier's PDFs with the citizen's PKCS#11 token (PAdES). Plain Java: no JavaFX.
 *
 * <p>This package holds the model and the typed errors a screen explains ({@link SigningException});
 * {@code signing.pkcs11} finds drivers, tokens and certificates and logs in; {@code signing.pades}
 * signs and verifies PDFs. Dependencies point one way: pades → pkcs11 → this package.
 */
package vn.motcua.kiosk.signing;
