package vn.motcua.kiosk.store;

/** The local database failed (disk full, file unreadable, locked). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
