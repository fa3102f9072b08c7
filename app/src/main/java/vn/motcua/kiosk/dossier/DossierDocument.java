package vn.motcua.kiosk.dossier;

import java.nio.file.Path;

/**
 * One paper of the dossier as a PDF in the session's folder (thành phần hồ sơ).
 *
 * @param type the catalogue's id of the paper ({@code idCard}, {@code declaration}); the portal's document type
 * @param name what the catalogue calls the paper, in the citizen's language
 * @param file the PDF; after signing, the signed copy
 */
public record DossierDocument(String type, String name, Path file, int pages, long bytes, boolean signed) {

    public DossierDocument signedAs(Path signedFile, long signedBytes) {
        return new DossierDocument(type, name, signedFile, pages, signedBytes, true);
    }

    @Override
    public String toString() {
        return "DossierDocument[" + type + ", " + pages + " pages, " + bytes + " bytes, signed=" + signed + "]";
    }
}
