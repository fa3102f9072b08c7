package vn.motcua.kiosk.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.signing.CertificateInfo;
import vn.motcua.kiosk.signing.DossierSigner;
import vn.motcua.kiosk.signing.SigningException;
import vn.motcua.kiosk.signing.SigningProgress;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.pades.PadesVerifier;

/**
 * Design step 7: signs every paper of the session's dossier with the citizen's token after one PIN
 * entry, keeps the signed copies in the session folder (erased with it) and checks each one with
 * the verifier before the dossier moves on. The PIN is wiped by the signer whatever happens.
 */
public final class SigningStep {
    private final SessionService sessions;
    private final DossierSigner signer;
    private final PadesVerifier verifier;
    private final String location;

    public SigningStep(SessionService sessions, DossierSigner signer, PadesVerifier verifier, String location) {
        this.sessions = sessions;
        this.signer = signer;
        this.verifier = verifier;
        this.location = location;
    }

    /** What the review screen shows for a paper: signed or not, by whom and when, altered or not. */
    public PadesVerifier.Report check(DossierDocument document) {
        return verifier.verify(document.file());
    }

    /** Slow (token operations): call it off the UI thread. */
    public List<DossierDocument> sign(TokenInfo token, CertificateInfo certificate, char[] pin, String reason,
                                      SigningProgress progress) throws SigningException {
        KioskSession session = sessions.current().orElseThrow(() -> {
            Arrays.fill(pin, '\0');
            return new IllegalStateException("no session is open");
        });
        List<DossierDocument> papers = session.documents();
        Path folder = session.workFolder().resolve("signed");
        List<DossierSigner.Document> requests = new ArrayList<>();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            Arrays.fill(pin, '\0');
            throw new IllegalStateException("cannot write in the session folder", e);
        }
        for (int i = 0; i < papers.size(); i++) {
            requests.add(new DossierSigner.Document(papers.get(i).file(), folder.resolve((i + 1) + ".pdf")));
        }
        List<Path> signed = signer.signDossier(new DossierSigner.Request(token, certificate.fingerprint(), requests,
                reason, location), pin, progress);
        List<DossierDocument> result = new ArrayList<>();
        for (int i = 0; i < papers.size(); i++) {
            Path file = signed.get(i);
            PadesVerifier.Report report = verifier.verify(file);
            if (!report.signed() || report.altered()) {
                throw new IllegalStateException("a freshly signed paper does not verify");
            }
            try {
                result.add(papers.get(i).signedAs(file, Files.size(file)));
            } catch (IOException e) {
                throw new IllegalStateException("a signed paper vanished from the session folder", e);
            }
        }
        sessions.replaceDocuments(result);
        return result;
    }
}
