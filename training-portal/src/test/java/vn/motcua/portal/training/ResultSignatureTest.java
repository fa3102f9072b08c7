// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;

/**
 * The e-result is signed (PAdES, the training signer, over the whole file), and the three result
 * faults spoil it on purpose: unsigned, a byte changed after signing, a page appended after signing.
 * Checked here with PDFBox and BouncyCastle; the kiosk's own verifier and pdfsig check it in the app's tests.
 */
class ResultSignatureTest extends PortalTestBase {

    /** What one signature of a PDF says: does the CMS verify over its byte range, does the range end at the file's end. */
    record Checked(String subFilter, boolean cmsVerifies, boolean coversWholeFile, String signer) {}

    static List<Checked> signatures(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<Checked> out = new java.util.ArrayList<>();
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                int[] range = sig.getByteRange();
                byte[] signed = new byte[range[1] + range[3]];
                System.arraycopy(pdf, range[0], signed, 0, range[1]);
                System.arraycopy(pdf, range[2], signed, range[1], range[3]);
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), new java.io.ByteArrayInputStream(sig.getContents(pdf))); // zero-padded
                SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
                boolean ok;
                try {
                    ok = si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
                } catch (org.bouncycastle.cms.CMSException e) {
                    ok = false;
                }
                out.add(new Checked(sig.getSubFilter(), ok, range[2] + range[3] == pdf.length,
                        cert.getSubjectX500Principal().getName()));
            }
            return out;
        }
    }

    private byte[] resultOfADoneDossier(String key) throws Exception {
        String id = createLltp(key);
        byte[] scan = "%PDF scan".getBytes();
        String url = client.createUpload(id, "idCard", scan, Client.sha256(scan)).headers().firstValue("Location").orElseThrow();
        client.patch(url, 0, scan);
        String code = Client.json(client.post("/dossiers/" + id + "/submit", Map.of())).get("dossierCode").asText();
        client.send(client.request("/trainer/dossiers/" + code + "/status").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"DONE\"}")));
        this.dossierId = id;
        return fetch();
    }

    private String dossierId;

    private byte[] fetch() throws Exception {
        HttpResponse<byte[]> r = client.get("/dossiers/" + dossierId + "/result");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theResultIsSignedByTheTrainingSignerOverTheWholeFile() throws Exception {
        byte[] pdf = resultOfADoneDossier("sig-00001");
        assertThat(signatures(pdf)).singleElement().satisfies(s -> {
            assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(s.cmsVerifies()).isTrue();
            assertThat(s.coversWholeFile()).isTrue();
            assertThat(s.signer()).contains("TẬP HUẤN");
        });
    }

    @Test
    void resultFaultsServeItUnsignedTamperedOrAppendedToAndOnlyOnResults() throws Exception {
        byte[] genuine = resultOfADoneDossier("sig-00002");

        faults("{\"rules\":[{\"endpoint\":\"getResult\",\"kind\":\"UNSIGNED_RESULT\",\"count\":1}]}");
        byte[] unsigned = fetch();
        assertThat(Arrays.copyOf(unsigned, 5)).isEqualTo("%PDF-".getBytes());
        assertThat(signatures(unsigned)).isEmpty();

        faults("{\"rules\":[{\"endpoint\":\"getResult\",\"kind\":\"TAMPERED_RESULT\",\"count\":1}]}");
        byte[] tampered = fetch();
        assertThat(tampered).hasSameSizeAs(genuine);
        assertThat(signatures(tampered)).singleElement().satisfies(s -> {
            assertThat(s.cmsVerifies()).isFalse();
            assertThat(s.coversWholeFile()).isTrue();
        });

        faults("{\"rules\":[{\"endpoint\":\"*\",\"kind\":\"APPENDED_RESULT\",\"count\":1}]}");
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200); // other endpoints are left alone
        byte[] appended = fetch();
        assertThat(appended.length).isGreaterThan(genuine.length);
        assertThat(signatures(appended)).singleElement().satisfies(s -> {
            assertThat(s.cmsVerifies()).isTrue();
            assertThat(s.coversWholeFile()).isFalse();
        });
        try (PDDocument doc = Loader.loadPDF(appended)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }

        // Counts used up: genuine again.
        assertThat(signatures(fetch())).singleElement().satisfies(s -> assertThat(s.cmsVerifies()).isTrue());
        // A result fault on another endpoint is refused when set.
        HttpResponse<byte[]> refused = client.send(client.request("/trainer/faults").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rules\":[{\"endpoint\":\"listProcedures\",\"kind\":\"TAMPERED_RESULT\"}]}")));
        assertThat(refused.statusCode()).isEqualTo(400);
    }
}
