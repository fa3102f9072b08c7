package vn.motcua.kiosk.signing;

/**
 * Called back by a signer as it goes; lives with the core so that the screen implements it
 * without the core knowing the screen. Called on the signing thread.
 */
public interface SigningProgress {
    SigningProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} documents are signed and written. */
    void signed(int done, int total);
}
