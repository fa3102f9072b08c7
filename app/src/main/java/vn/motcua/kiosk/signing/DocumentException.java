package vn.motcua.kiosk.signing;

import java.util.List;

/** A dossier PDF could not be read or the signed copy could not be written. */
public final class DocumentException extends SigningException {
    private final String document;

    public DocumentException(String document, Throwable cause) {
        super("document " + document + ": " + (cause == null ? "" : cause.getMessage()), cause);
        this.document = document;
    }

    /** The file name only (no folder): it is shown on screen. */
    public String document() {
        return document;
    }

    @Override
    public String messageKey() {
        return "signing.error.document";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(document);
    }
}
