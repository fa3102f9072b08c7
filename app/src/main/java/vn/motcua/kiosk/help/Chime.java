package vn.motcua.kiosk.help;

/**
 * The kiosk's own call for help, heard in the hall: a soft two-tone chime. A port, so the call
 * works and is tested without a sound card.
 */
@FunctionalInterface
public interface Chime {

    /**
     * Starts the chime once and returns at once (the sound plays on the adapter's own thread).
     * Never throws.
     *
     * @return false when the machine has no sound device to play it on, so nothing will be heard
     */
    boolean ring();
}
