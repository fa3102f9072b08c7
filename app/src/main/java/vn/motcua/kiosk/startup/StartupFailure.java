package vn.motcua.kiosk.startup;

/** The core could not be opened (the database file is unusable); the kiosk shows why and stops. */
public final class StartupFailure extends RuntimeException {
    private final String file;

    StartupFailure(String file, Throwable cause) {
        super(cause.getCause() == null ? cause.getMessage() : cause.getCause().getMessage(), cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
