// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.identity.SerialQrReader;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.scanning.TestSaned;

/**
 * Issue 15, measured: a first-time citizen files an LLTP request for themselves on the whole
 * shell at 1280×800 with every real part — the ID card's QR from a serial desk reader (a socat
 * pseudo-terminal), two pages from SANE's test scanner, the training portal over HTTP, the fee
 * paid by the trainer, the receipt on cups-pdf — and every touch and typed key is counted. A
 * touch is a tap on the screen, or a swipe to bring something below the fold into sight. The
 * budget fails the test when a change adds touches to the path; the README shows the figures.
 */
class TouchCountJourneyTest extends PortalShellFixture {
    /**
     * Measured 2026-12-06: 32, of which 5 swipes (the goal: 40). A change that adds a
     * touch to the path fails here and shows in review.
     */
    private static final int TOUCH_BUDGET = 32;
    /** Place of birth and a phone number: all the card cannot give. */
    private static final int KEY_BUDGET = 16;
    private static final String QR =
            "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";

    private Path out;
    private Process socat;
    private SerialQrReader reader;
    private Path readerEnd;
    private int touches;
    private int keys;
    private final List<String> screens = new ArrayList<>();
    private final List<String> path = new ArrayList<>();

    @BeforeEach
    void devices() throws Exception {
        out = ExternalTools.requireCups();
        services.useScanner(() -> TestSaned.scanner(TestSaned.address(), "test:1"));
        online();
        serialReader();
        Platform.runLater(() -> {
            vm.screenProperty().addListener((obs, was, is) -> screens.add(is + "/" + vm.stepProperty().get()));
            vm.stepProperty().addListener((obs, was, is) -> screens.add(vm.screenProperty().get() + "/" + is));
        });
    }

    /** The kiosk opens one end of a pseudo-terminal pair as its serial port, as KioskApp does. */
    private void serialReader() throws Exception {
        boolean hasSocat = Files.isExecutable(Path.of("/usr/bin/socat"));
        if (!hasSocat && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("socat missing (scripts/test-packages.txt)");
        }
        assumeTrue(hasSocat, "socat missing");
        Path kioskEnd = dataDir.resolve("kiosk-end");
        readerEnd = dataDir.resolve("reader-end");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + kioskEnd, "pty,raw,echo=0,link=" + readerEnd)
                .redirectErrorStream(true).start();
        await(() -> Files.exists(kioskEnd) && Files.exists(readerEnd));
        reader = SerialQrReader.open(kioskEnd.toRealPath().toString(), text -> Platform.runLater(() -> vm.idScanned(text)));
    }

    @AfterEach
    void closeReader() throws Exception {
        if (reader != null) {
            reader.close();
        }
        if (socat != null) {
            socat.destroy();
        }
    }

    @Test
    void anLltpRequestFromWelcomeToThePrintedReceiptWithinTheTouchBudget(FxRobot robot) throws Exception {
        try {
            journey(robot);
        } catch (AssertionError e) {
            Snapshots.png(robot, "shell", Files.createDirectories(Path.of("target", "snapshots")).resolve("journey-failed.png"));
            throw new AssertionError("stopped after " + path, e);
        }
    }

    private void journey(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        await(() -> stage.getScene().getWidth() == 1280 && stage.getScene().getHeight() == 800);

        tap(robot, "file");
        tap(robot, "consent-agree");
        tap(robot, "consent-continue");
        tap(robot, "procedure-lltp-self");

        // The card on the desk reader: nothing typed.
        try (OutputStream port = Files.newOutputStream(readerEnd.toRealPath())) {
            port.write((QR + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        await(() -> showing(robot, "applicant-confirm") && !onFxDisabled(robot, "applicant-confirm"));
        tap(robot, "applicant-confirm");

        // Part 1: the card gave name, sex, birth date, ID, issue date and the permanent address.
        await(() -> showing(robot, "form-scroll"));
        assertThat(services.sessions().current().orElseThrow().answers()).as("the card's commune, matched").containsKey("permanentAddress.commune");
        tap(robot, "field-placeOfBirth");
        type(robot, "Hà Nội");
        tap(robot, "field-phone");
        type(robot, "0901234567");
        tap(robot, "form-next"); // under the open keyboard; the next part opens without it
        tap(robot, "form-next"); // part 2, the family: nothing asked of a citizen alone
        // Part 3: one touch for "since age 14 at this address", two "no"s.
        tap(robot, "since-age-residenceHistory");
        tap(robot, "field-livedInSeveralProvinces-false");
        tap(robot, "field-livedAbroad-false");
        tap(robot, "form-next");
        // Part 4: the Phiếu, its purpose and where to collect it, as choices.
        tap(robot, "field-certificateType-1");
        tap(robot, "field-certifyBans-false");
        tap(robot, "suggestion-purpose-0");
        tap(robot, "field-resultDelivery-counter");
        tap(robot, "form-next");

        // Papers: the card's two sides from the scanner's glass.
        await(() -> showing(robot, "paper-scan-idCard"));
        tap(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 1 trang"));
        tap(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 2 trang"));
        tap(robot, "papers-next");

        await(() -> showing(robot, "review-continue"));
        tap(robot, "review-continue");
        await(() -> showing(robot, "submit-go"));
        tap(robot, "submit-go");
        await(() -> text(robot, "submit-state").startsWith("Đã nộp. Mã hồ sơ: "));
        String code = text(robot, "submit-state").substring("Đã nộp. Mã hồ sơ: ".length());
        tap(robot, "submit-next");

        await(() -> showing(robot, "fee-qr"));
        trainerPays(code);
        await(() -> showing(robot, "fee-next"));
        tap(robot, "fee-next");

        await(() -> showing(robot, "outcome-print") && !onFxDisabled(robot, "outcome-print"));
        Set<Path> before = ExternalTools.printed(out);
        tap(robot, "outcome-print");
        await(() -> text(robot, "outcome-status").startsWith("Đã in xong") || showing(robot, "outcome-retry"));
        assertThat(text(robot, "outcome-status")).startsWith("Đã in xong");
        await(() -> ExternalTools.printed(out).size() > before.size());
        tap(robot, "outcome-end");
        await(() -> showing(robot, "file"));
        assertThat(services.sessions().current()).isEmpty();

        long distinct = screens.stream().distinct().count();
        System.out.printf("touches: %d, keys: %d, screens: %d%n%s%n", touches, keys, distinct, path);
        assertThat(touches).as("touches on the path (goal 40)").isLessThanOrEqualTo(TOUCH_BUDGET);
        assertThat(keys).as("keys typed: only what the card cannot give").isLessThanOrEqualTo(KEY_BUDGET);
    }

    /** A real click; when the node is below the fold of its scroll pane, one swipe first (counted). */
    private void tap(FxRobot robot, String id) {
        await(() -> showing(robot, id));
        Node node = find(robot, id);
        if (!inSight(robot, node)) {
            touches++;
            path.add("swipe");
            robot.interact(() -> bringIntoSight(node));
            await(() -> inSight(robot, node));
        }
        touches++;
        path.add(id);
        // The screen settled before the finger moves, and after it lifts: a click aimed at a
        // moving target would count a touch the citizen never made.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Bounds[] last = {null};
        await(() -> { // still where it was a moment ago: the keyboard and the header have moved it
            Bounds now = onFxBounds(robot, node);
            boolean still = now.equals(last[0]);
            last[0] = now;
            return still;
        });
        robot.clickOn(node);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, String text) {
        keys += text.length();
        robot.write(text);
    }

    private static Bounds onFxBounds(FxRobot robot, Node node) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> b[0] = node.localToScene(node.getLayoutBounds()));
        return b[0];
    }

    private static boolean inSight(FxRobot robot, Node node) {
        Bounds[] b = new Bounds[2];
        robot.interact(() -> {
            b[0] = node.localToScene(node.getLayoutBounds());
            ScrollPane pane = enclosingScroll(node);
            // Outside a scroll pane there is nothing to swipe: the screen lays it out in sight.
            b[1] = pane == null ? b[0] : pane.localToScene(pane.getLayoutBounds());
        });
        return b[0].getMinY() >= b[1].getMinY() && b[0].getMaxY() <= b[1].getMaxY();
    }

    private static ScrollPane enclosingScroll(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                return s;
            }
        }
        return null;
    }

    /** What a swipe does: the node's scroll pane moved so the node sits in its middle. */
    private static void bringIntoSight(Node node) {
        ScrollPane pane = enclosingScroll(node);
        Node content = pane.getContent();
        Bounds in = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double viewport = pane.getViewportBounds().getHeight();
        double height = content.getLayoutBounds().getHeight();
        double to = in.getMinY() - (viewport - in.getHeight()) / 2;
        pane.setVvalue(Math.max(0, Math.min(1, to / Math.max(1, height - viewport))));
        pane.layout();
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private static boolean onFxDisabled(FxRobot robot, String id) {
        Node n = find(robot, id);
        boolean[] d = new boolean[1];
        robot.interact(() -> d[0] = n.isDisabled());
        return d[0];
    }
}
