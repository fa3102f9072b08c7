// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.session.PapersStep;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * "Nộp hồ sơ" in the core: the session's answers and papers become one outbox entry whose body
 * is the portal's DossierCreate, once however often it is asked; the declaration PDF says what was
 * answered; the receipt waits with the local reference. (The UI tests file through the real portal.)
 */
class FilingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private KioskServices services;
    private Province khanhHoa;

    @BeforeEach
    void open() throws Exception {
        services = TestKiosk.open(dir, clock);
        khanhHoa = services.catalogue().places().province("56").orElseThrow();
        services.sessions().begin();
        services.sessions().acceptConsent();
        services.sessions().chooseProcedure("trich-luc-ho-tich");
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Map<String, String> answers() {
        return vn.motcua.kiosk.testing.Dossiers.extractRequest(khanhHoa, 3);
    }

    private void idCard() throws Exception {
        Path pdf = dir.resolve("cccd.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(pdf.toFile());
        }
        services.papers().importFile("idCard", pdf);
    }

    @Test
    void onceOnThePortalTheReceiptsQrOpensTheProvincesTrackingPageWhereOneIsConfigured() throws Exception {
        Filing.Filed filed;
        services.sessions().answerAll(answers());
        services.papers().makeDeclaration();
        idCard();
        filed = services.filing().file();
        Filing.Progress.Sent sent = new Filing.Progress.Sent("d1", "000.25.14.H56-261123-0001",
                java.time.LocalDateTime.of(2026, 11, 23, 9, 0), null, 8_000);
        Receipt plain = services.filing().receipt(filed, sent, Receipt.FeeStatus.DUE_AT_COUNTER);
        assertThat(plain.qrContent()).as("nothing configured: the bare code").isEqualTo("000.25.14.H56-261123-0001");

        Filing withPage = new Filing(services.sessions(), services.catalogue(), services.portal().outbox(), () -> { },
                services.events(), new Filing.Counter("Bộ phận Một cửa", "TEST-01", true, "000.00.14.H56",
                        "https://dichvucong.example.vn/tra-cuu?ma={code}"), "56", clock);
        Receipt linked = withPage.receipt(filed, sent, Receipt.FeeStatus.DUE_AT_COUNTER);
        assertThat(linked.qrContent()).isEqualTo("https://dichvucong.example.vn/tra-cuu?ma=000.25.14.H56-261123-0001");
        assertThat(linked.trackingCode()).as("still printed").isEqualTo("000.25.14.H56-261123-0001");
        Receipt queued = withPage.receipt(filed, services.filing().progress(filed.localReference()), Receipt.FeeStatus.DUE_AT_COUNTER);
        assertThat(queued.qrContent()).as("a queued dossier is not on the portal yet").isEqualTo(filed.localReference());
    }

    @Test
    void theDossierBecomesOneOutboxEntryWithThePortalsBodyHoweverOftenItIsFiled() throws Exception {
        services.sessions().answerAll(answers());
        PapersStep papers = services.papers();
        papers.makeDeclaration();
        assertThat(papers.missing()).extracting(PapersStep.Row::type).containsExactly("idCard");
        idCard();
        assertThat(papers.missing()).isEmpty();

        Filing.Filed filed = services.filing().file();
        Filing.Filed again = services.filing().file();

        assertThat(again.localReference()).isEqualTo(filed.localReference());
        List<OutboxStore.Entry> entries = services.portal().outbox().store().all();
        assertThat(entries).hasSize(1);
        OutboxStore.Entry entry = entries.get(0);
        assertThat(entry.documents()).extracting(OutboxStore.Document::type).containsExactly("declaration", "idCard");
        JsonNode body = JSON.readTree(entry.bodyJson());
        assertThat(body.get("procedureId").asText()).isEqualTo("trich-luc-ho-tich");
        assertThat(body.get("applicant").get("fullName").asText()).isEqualTo("Trần Thị Bình");
        assertThat(body.get("applicant").get("idNumber").asText()).isEqualTo("056195012345");
        assertThat(body.get("applicant").get("phone").asText()).isEqualTo("0905123456");
        assertThat(body.get("applicant").get("address").asText())
                .isEqualTo("Số 5 Trần Phú, " + khanhHoa.communes().get(0).fullName(false) + ", " + khanhHoa.fullName(false));
        assertThat(body.get("copies").asInt()).isEqualTo(3);
        assertThat(body.get("form").get("registration.place").asText()).isEqualTo("UBND phường Nha Trang");
        assertThat(body.get("localReference").asText()).isEqualTo(filed.localReference());
        // Left to the outbox worker, which knows the portal's agency list when it sends.
        assertThat(body.has("agencyCode")).isFalse();
        assertThat(services.sessions().current().orElseThrow().filedAs()).isEqualTo(filed.localReference());

        // Three extracts at 8.000 đ; queued: the receipt carries the local reference, fee due at the counter.
        assertThat(filed.feeVnd()).isEqualTo(24_000);
        Filing.Progress progress = services.filing().progress(filed.localReference());
        assertThat(progress).isEqualTo(new Filing.Progress.Waiting(0));
        Receipt receipt = services.filing().receipt(filed, progress, Receipt.FeeStatus.DUE_AT_COUNTER);
        assertThat(receipt.queued()).isTrue();
        assertThat(receipt.trackingCode()).isEqualTo(filed.localReference());
        assertThat(receipt.fee()).isEqualTo(new Receipt.Fee(24_000, Receipt.FeeStatus.DUE_AT_COUNTER));
        assertThat(receipt.applicant().name()).isEqualTo("Trần Thị Bình");
        assertThat(receipt.documents()).extracting(Receipt.ReceivedDocument::name)
                .containsExactly("Tờ khai theo mẫu Tờ khai cấp bản sao trích lục hộ tịch (kiosk in từ thông tin đã nhập)", "Thẻ căn cước / CCCD của người yêu cầu");

        // The event log knows a dossier was filed, never whose.
        List<Event> events = services.events().recent(20);
        assertThat(events).anySatisfy(e -> assertThat(e.detail()).isEqualTo("procedure=trich-luc-ho-tich level=full papers=2 pages=2 signed=0 fee=24000"));
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain("056195012345", "Bình"));
    }

    @Test
    void theDeclarationSaysWhatWasAnsweredAndLeavesOutWhatIsHidden() throws Exception {
        services.sessions().answerAll(answers());
        DossierDocument declaration = services.papers().makeDeclaration().orElseThrow();
        String text = ExternalTools.pdfText(declaration.file()).replaceAll("\\s+", " ");
        assertThat(text).contains("TỜ KHAI").contains("Trần Thị Bình").contains("056195012345")
                .contains("Số 5 Trần Phú, " + khanhHoa.communes().get(0).fullName(false))
                .contains("UBND phường Nha Trang");
        assertThat(declaration.pages()).isEqualTo(1);
        assertThat(declaration.file()).startsWith(services.sessions().current().orElseThrow().workFolder());
    }

    @Test
    void aSessionWithoutThePhoneIsNotFiled() throws Exception {
        Map<String, String> a = answers();
        a.remove("applicant.phone");
        services.sessions().answerAll(a);
        assertThatThrownBy(() -> services.filing().file()).isInstanceOf(Filing.NotReadyException.class)
                .hasMessageContaining("applicant.phone");
        assertThat(services.portal().outbox().store().all()).isEmpty();
        assertThat(Files.exists(dir.resolve("outbox"))).isFalse();
    }
}
