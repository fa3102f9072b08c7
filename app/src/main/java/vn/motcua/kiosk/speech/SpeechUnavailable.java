// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

/**
 * The speech engine could not speak: its program is missing or cannot run, or it has no voice for
 * the language. Typed, so the screens carry on silently and doctor names the cause.
 */
public class SpeechUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public SpeechUnavailable(String message) {
        super(message);
    }

    public SpeechUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
