package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.filing.Filing;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.Dossiers;

/**
 * Non-territorial filing: on the form a citizen at the Khánh Hòa counter chooses an office in Cà
 * Mau (province, then a few letters without accents) from the portal's agency list; the
 * declaration, the receipt and the dossier the training portal receives all carry that office.
 */
class ReceivingOfficeTest extends PortalShellFixture {
    private static final String AN_XUYEN = "000.21.14.H12";

    @BeforeEach
    void connect() throws Exception {
        online();
        await(() -> services.catalogue().office(AN_XUYEN).isPresent()); // the portal's agency list, fetched
    }

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    @Test
    void aDossierFiledToAnOfficeInAnotherProvinceReachesThePortalWithThatOfficesCode(FxRobot robot) throws Exception {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        Province khanhHoa = services.catalogue().places().province("56").orElseThrow();
        robot.interact(() -> {
            services.sessions().chooseProcedure("trich-luc-ho-tich");
            services.sessions().answerAll(Dossiers.extractRequest(khanhHoa, 1));
            vm.goTo(Step.FORM);
        });
        // The last section of the form holds "Nơi nộp hồ sơ".
        await(() -> robot.lookup("#form-next").tryQuery().isPresent());
        for (int i = 0; i < 5 && !showing(robot, "field-receivingAgency-chosen"); i++) {
            press(robot, "form-next");
        }
        assertThat(text(robot, "field-receivingAgency-chosen")).isEqualTo("Nơi nhận: UBND phường Nha Trang (tập huấn) (nơi đặt kiosk này)");

        ComboBox<Province> province = find(robot, "field-receivingAgency-province");
        robot.interact(() -> province.setValue(services.catalogue().places().province("96").orElseThrow()));
        typeInto(robot, "field-receivingAgency-search", "an xuyen");
        await(() -> showing(robot, "office-000-21-14-H12"));
        press(robot, "office-000-21-14-H12");
        assertThat(text(robot, "field-receivingAgency-chosen")).isEqualTo("Nơi nhận: UBND phường An Xuyên, Cà Mau (tập huấn)");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("receivingAgency", AN_XUYEN);

        // Papers and filing as the later screens do them; the outbox worker sends it to the portal.
        services.papers().makeDeclaration();
        Path card = dataDir.resolveSibling("cccd.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(card.toFile());
        }
        services.papers().importFile("idCard", card);
        Path declaration = services.sessions().current().orElseThrow().documents().stream()
                .filter(d -> d.type().equals("declaration")).findFirst().orElseThrow().file();
        assertThat(ExternalTools.pdfText(declaration)).contains("Nơi nộp hồ sơ (Kính gửi): UBND phường An Xuyên, Cà Mau (tập huấn)");
        Filing.Filed filed = services.filing().file();
        services.portal().wakeWorker();
        await(() -> services.portal().outbox().store().find(filed.localReference())
                .map(e -> e.state() == OutboxStore.State.SENT).orElse(false));
        OutboxStore.Entry sent = services.portal().outbox().store().find(filed.localReference()).orElseThrow();
        assertThat(new PortalClient(portal.endpoint()).dossier(sent.dossierId()).agencyCode()).isEqualTo(AN_XUYEN);

        var receipt = services.filing().receipt(filed, services.filing().progress(filed.localReference()),
                vn.motcua.kiosk.receipt.Receipt.FeeStatus.DUE_AT_COUNTER);
        assertThat(receipt.receivingOffice()).isEqualTo("UBND phường An Xuyên, Cà Mau (tập huấn)");
    }
}
