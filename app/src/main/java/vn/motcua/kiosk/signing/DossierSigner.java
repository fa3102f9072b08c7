package vn.motcua.kiosk.signing;

import java.nio.file.Path;
import java.util.List;

/**
 * Signs every PDF of one dossier after one PIN entry. The PIN array is wiped before this returns,
 * whatever happens, and is never logged or stored; the token is logged out at the end.
 */
public interface DossierSigner {

    /** One PDF to sign and where its signed copy goes (never over the original). */
    record Document(Path source, Path target) {}

    /**
     * @param token       as listed by discovery
     * @param fingerprint SHA-256 fingerprint of the chosen certificate ({@link CertificateInfo#fingerprint()})
     * @param reason      shown in the visible signature and the signature dictionary
     * @param location    the kiosk's agency, shown the same way
     */
    record Request(TokenInfo token, String fingerprint, List<Document> documents, String reason, String location) {
        public Request {
            documents = List.copyOf(documents);
        }
    }

    /** Returns the signed files in the order of the request. */
    List<Path> signDossier(Request request, char[] pin, SigningProgress progress) throws SigningException;
}
