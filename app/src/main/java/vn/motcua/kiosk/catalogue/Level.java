package vn.motcua.kiosk.catalogue;

/** How much of a procedure is online (Decree 42/2022 art. 11): fully (toàn trình) or partly (một phần). */
public enum Level {
    full, partial;

    public String messageKey() {
        return "catalogue.level." + name();
    }
}
