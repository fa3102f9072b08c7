// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.session.Step;

/** The shell on the papers step of a civil-status extract (an ID card to scan), and what the papers tests read back. */
abstract class PapersScreenFixture extends ShellFixture {
    /** Consent, the procedure and its answers, then the papers step. */
    protected void openPapers(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        Province khanhHoa = services.catalogue().places().province("56").orElseThrow();
        robot.interact(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("trich-luc-ho-tich").orElseThrow());
            services.sessions().answerAll(vn.motcua.kiosk.testing.Dossiers.extractRequest(khanhHoa, 2));
            vm.goTo(Step.PAPERS);
        });
    }

    protected static String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    /** Thumbnails of the ID card's pages on screen. */
    protected static int thumbs(FxRobot robot) {
        return ((HBox) find(robot, "paper-pages-idCard")).getChildren().size();
    }

    /** The session's PDF of a paper. */
    protected DossierDocument document(String type) {
        return services.sessions().current().orElseThrow().documents().stream()
                .filter(x -> x.type().equals(type)).findFirst().orElseThrow();
    }

    /** Pages in the ID card's PDF, read from the file. */
    protected int pdfPages() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(document("idCard").file().toFile())) {
            return pdf.getNumberOfPages();
        }
    }
}
