// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.testing.KioskLogCapture;
import vn.motcua.kiosk.testing.MidFormKioskChild;
import vn.motcua.kiosk.testing.PersonalDataScan;
import vn.motcua.kiosk.testing.TestCitizen;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * Issue 12's audit, "nothing personal left behind": {@link TestCitizen} goes through the real
 * shell — read, typed, filed online with a printed receipt, queued while the portal is down,
 * refused by the portal, parked and resumed, timed out, killed mid-form — and after each ending
 * every byte the kiosk may have written is searched for her ({@link PersonalDataScan}): the data
 * folder (database, -wal, -shm, journals, sessions, outbox; a PDF or image in plain form counts
 * too), every line the kiosk logged ({@link KioskLogCapture}; a killed kiosk's own log file and
 * console), the private CUPS server's folder (spool, job history, logs — not its output folder,
 * which stands for the paper in her hand), and the files of the JVM temp folder changed during
 * the audit (except the folders above and those this test makes for others: the portal's data,
 * which stands for the government's server, and her USB stick). Expected: nothing — a dossier
 * still waiting in the outbox only as ciphertext.
 */
class PrivacyAuditTest extends ShellFixture {
    @RegisterExtension
    static final KioskLogCapture LOGS = new KioskLogCapture();

    private static Instant began;
    private static int port;
    private static Path cupsRoot;
    private static Path printedPaper;
    /** The citizen's stick and the portal's data: not the kiosk's files. */
    private static Path notTheKiosk;

    private Path usb;
    private TrainingPortalFixture portal;
    private final List<String> leaks = new ArrayList<>();

    @BeforeAll
    static void aPortAndThePrivateCups() throws IOException {
        // Files changed a moment before the class began count too (timestamps are coarse on some file systems).
        began = Instant.now().minusSeconds(2);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String spool = System.getenv("KIOSK_TEST_CUPS_SPOOL");
        String out = System.getenv("KIOSK_TEST_CUPS_OUT");
        if (spool == null && out == null) {
            fail("the audit scans the private CUPS's spool: run it through scripts/with-test-services.sh "
                    + "(neither KIOSK_TEST_CUPS_SPOOL nor KIOSK_TEST_CUPS_OUT is set)");
        }
        cupsRoot = (spool != null ? Path.of(spool) : Path.of(out).resolveSibling("spool")).toRealPath().getParent();
        printedPaper = out != null ? Path.of(out) : cupsRoot.resolve("out");
        notTheKiosk = Files.createTempDirectory("privacy-audit-not-the-kiosk");
    }

    @AfterAll
    static void deleteWhatIsNotTheKiosks() throws IOException {
        deleteTree(notTheKiosk);
    }

    @Override
    protected KioskConfig config() {
        // Nobody on the port until a test starts the training portal there: offline by default.
        return TestKiosk.withPortal(URI.create("http://127.0.0.1:" + port + "/api/v1"), "KioskPDF");
    }

    @BeforeEach
    void herUsbStick() throws Exception {
        usb = Files.createTempDirectory(notTheKiosk, "usb");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(usb.resolve("cccd.pdf").toFile());
        }
        services.useRemovableMedia(List.of(usb));
    }

    @AfterEach
    void portalDown() {
        if (portal != null) {
            portal.close();
        }
    }

    // ---- the journeys ----

    @Test
    void anIdCardReadAndOneTypedFieldAreGoneAfterTheEndButton(FxRobot robot) {
        onTheFormWithHerCard(robot);
        typePlaceOfBirth(robot);
        endTheSession(robot);
        audit("«Kết thúc» ended a session with her ID card read and her place of birth typed");
        assertNothingLeft();
    }

    @Test
    void aDossierFiledOnlineWithAPrintedReceiptLeavesNothing(FxRobot robot) throws Exception {
        portalUp();
        fileUpToSubmit(robot);
        await(() -> text(robot, "submit-state").startsWith("Đã nộp. Mã hồ sơ: "));
        String code = text(robot, "submit-state").substring("Đã nộp. Mã hồ sơ: ".length());
        press(robot, "submit-next");
        await(() -> showing(robot, "fee-qr"));
        trainerPays(code);
        await(() -> showing(robot, "fee-next"));
        press(robot, "fee-next");

        await(() -> showing(robot, "outcome-print") && !((javafx.scene.control.Button) find(robot, "outcome-print")).isDisabled());
        Set<Path> before = ExternalTools.printed(printedPaper);
        press(robot, "outcome-print");
        await(() -> text(robot, "outcome-status").startsWith("Đã in xong") || showing(robot, "outcome-retry"));
        assertThat(text(robot, "outcome-status")).as(() -> text(robot, "outcome-trouble")).startsWith("Đã in xong");
        await(() -> ExternalTools.printed(printedPaper).size() > before.size());
        press(robot, "outcome-end");
        await(() -> services.sessions().current().isEmpty());
        audit("a dossier filed online, its fee paid and its receipt printed on the private CUPS, and «Kết thúc»");
        assertNothingLeft();
    }

    @Test
    void aDossierWaitingInTheOutboxIsCiphertextOnlyAndGoneOnceSent(FxRobot robot) throws Exception {
        services.portal().start();
        await(() -> vm.portalProperty().get() == Connectivity.State.OFFLINE);
        fileUpToSubmit(robot);
        await(() -> text(robot, "submit-state").startsWith("Hồ sơ đã được lưu và đang chờ gửi"));
        press(robot, "submit-next");
        await(() -> showing(robot, "outcome-title"));
        assertThat(text(robot, "outcome-title")).isEqualTo("Hồ sơ đang chờ gửi");
        press(robot, "outcome-end");
        await(() -> services.sessions().current().isEmpty());
        assertThat(services.portal().items()).extracting(Outbox.QueueItem::state).containsExactly(Outbox.Status.WAITING);
        audit("the session ended with her dossier waiting in the outbox («đang chờ gửi»; only ciphertext may stay)");

        // The portal comes back where the kiosk looks; from Welcome the clock may pass the outbox's backoff.
        portal = new TrainingPortalFixture(Files.createTempDirectory(notTheKiosk, "portal"), port);
        clock.advance(Duration.ofMinutes(6));
        services.portal().wakeWorker();
        await(() -> services.portal().items().get(0).state() == Outbox.Status.SENT);
        audit("the waiting dossier went to the portal");
        assertNothingLeft();
    }

    @Test
    void aRefusalThatEchoesHerNameAndIdNumberIsNotKeptInPlainForm(FxRobot robot) throws Exception {
        portalUp();
        // The echo names her in upper case, which her dossier's body does not: a hit on that is the reason's.
        String title = "Số định danh " + TestCitizen.ID_NUMBER + " không khớp";
        String detail = "Họ tên " + TestCitizen.NAME.toUpperCase(java.util.Locale.ROOT) + " không khớp với số định danh "
                + TestCitizen.ID_NUMBER + " trong Cơ sở dữ liệu quốc gia về dân cư";
        portal.faults("{\"rules\":[{\"endpoint\":\"createDossier\",\"kind\":\"REFUSE\",\"status\":422,\"title\":\""
                + title + "\",\"detail\":\"" + detail + "\"}]}");
        fileUpToSubmit(robot);
        await(() -> text(robot, "submit-state").startsWith("Cổng dịch vụ công chưa nhận hồ sơ"));
        assertThat(services.portal().items()).extracting(Outbox.QueueItem::state).containsExactly(Outbox.Status.REFUSED);
        endTheSession(robot);
        audit("the portal refused her dossier with a reason that echoes her name and ID number, kept for staff");
        assertNothingLeft();
    }

    @Test
    void aParkedDraftAndItsResumptionLeaveNothing(FxRobot robot) {
        onTheFormWithHerCard(robot);
        typePlaceOfBirth(robot);
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", String.valueOf(TestCitizen.BIRTH_YEAR));
        press(robot, "drafts-park-confirm");
        await(() -> showing(robot, "drafts-parked-code"));
        String code = ((Label) find(robot, "drafts-parked-code")).getText();
        press(robot, "drafts-parked-done");
        await(() -> services.sessions().current().isEmpty());
        audit("her draft was parked («Lưu nháp»; only the sealed draft may stay)");

        robot.clickOn("#resume").clickOn("#consent-agree").clickOn("#consent-continue");
        typeInto(robot, "drafts-code", code);
        typeInto(robot, "drafts-birth-year", String.valueOf(TestCitizen.BIRTH_YEAR));
        press(robot, "drafts-resume-confirm");
        await(() -> showing(robot, "form"));
        assertThat(services.sessions().current().orElseThrow().answers())
                .containsEntry("placeOfBirth", TestCitizen.PLACE_OF_BIRTH).containsEntry("idNumber", TestCitizen.ID_NUMBER);
        endTheSession(robot);
        audit("her draft was resumed in a new session and «Kết thúc» ended it");
        assertNothingLeft();
    }

    @Test
    void aSessionTimedOutMidFormLeavesNothing(FxRobot robot) {
        onTheFormWithHerCard(robot);
        typePlaceOfBirth(robot);
        clock.advance(Duration.ofSeconds(config().timeouts().inactivityWarningSeconds() + 1));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isTrue();
        clock.advance(Duration.ofSeconds(config().timeouts().inactivityEndSeconds()));
        robot.interact(vm::tick);
        await(() -> services.sessions().current().isEmpty());
        audit("inactivity ended her session mid-form");
        assertNothingLeft();
    }

    @Test
    void aKioskKilledMidFormAndStartedAgainLeavesNothing(FxRobot robot) throws Exception {
        stopKiosk();
        killMidForm();
        clock.advance(Duration.ofMinutes(1));
        startKiosk();
        audit("the kiosk was killed mid-form (SIGKILL) and started again, her interrupted draft within its resume window"
                + " (only ciphertext may stay)");

        // The next citizen's session starts and ends on the restarted kiosk.
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        endTheSession(robot);
        audit("the first session after the restart ended");

        // The resume window passes; the kiosk is started again (as the next morning).
        stopKiosk();
        clock.advance(Duration.ofMinutes(config().privacy().interruptedDraftMinutes()));
        startKiosk();
        services.sessions().flush();
        audit("her interrupted draft's resume window passed and the kiosk started again");
        assertNothingLeft();
    }

    // ---- steps ----

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private void onTheFormWithHerCard(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, TestCitizen.QR);
        assertThat(text(robot, "applicant-value-name")).isEqualTo(TestCitizen.NAME);
        robot.clickOn("#applicant-confirm");
        await(() -> showing(robot, "field-fullName"));
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("idNumber", TestCitizen.ID_NUMBER)
                .containsEntry("fullName", TestCitizen.NAME.toUpperCase(java.util.Locale.ROOT));
    }

    /** On the on-screen keyboard, in Telex, as a volunteer would. */
    private void typePlaceOfBirth(FxRobot robot) {
        TextField f = find(robot, "field-placeOfBirth");
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        for (char c : TestCitizen.PLACE_OF_BIRTH_TELEX.toCharArray()) {
            press(robot, c == ' ' ? "key-space" : "key-" + c);
        }
        assertThat(f.getText()).isEqualTo(TestCitizen.PLACE_OF_BIRTH);
        await(() -> TestCitizen.PLACE_OF_BIRTH.equals(services.sessions().current().orElseThrow().answers().get("placeOfBirth")));
    }

    /** "Kết thúc và xóa dữ liệu", and yes. */
    private void endTheSession(FxRobot robot) {
        press(robot, "session-end");
        await(() -> showing(robot, "end-yes"));
        press(robot, "end-yes");
        await(() -> services.sessions().current().isEmpty());
    }

    private void portalUp() throws Exception {
        portal = new TrainingPortalFixture(Files.createTempDirectory(notTheKiosk, "portal"), port);
        services.portal().start();
        await(() -> vm.portalProperty().get() == Connectivity.State.ONLINE);
    }

    /** Her birth-record extract up to "Nộp hồ sơ", her ID card from her USB stick. */
    private void fileUpToSubmit(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> vm.procedures().queryProperty().set("trich luc"));
        robot.clickOn("#procedure-trich-luc-ho-tich");
        Province khanhHoa = services.catalogue().places().province("56").orElseThrow();
        robot.interact(() -> {
            services.sessions().answerAll(TestCitizen.extractRequest(khanhHoa, 2));
            vm.goTo(Step.PAPERS);
        });
        await(() -> text(robot, "paper-state-declaration").startsWith("Kiosk đã tạo"));
        press(robot, "paper-usb-idCard");
        await(() -> showing(robot, "usb-file-cccd_pdf"));
        press(robot, "usb-file-cccd_pdf");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 1 trang"));
        press(robot, "papers-next");
        await(() -> showing(robot, "review"));
        press(robot, "review-continue");
        await(() -> showing(robot, "submit-go"));
        press(robot, "submit-go");
    }

    private void trainerPays(String code) throws IOException {
        Request r = new Request.Builder().url(portal.portal.baseUrl() + "/trainer/dossiers/" + code + "/pay")
                .post(RequestBody.create(new byte[0])).build();
        try (Response response = new OkHttpClient().newCall(r).execute()) {
            assertThat(response.code()).isLessThan(400);
        }
    }

    /**
     * The kiosk's services in a child JVM on this data folder, with the production logging (LogSetup)
     * writing into this test's log folder: her session to mid-form, then SIGKILL once the draft is
     * saved. The child's console goes to the log folder too.
     */
    private void killMidForm() throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Djava.awt.headless=true",
                "-Dkiosk.log=file", "-Dkiosk.logDir=" + LOGS.folder().resolve("killed-kiosk"),
                "-cp", System.getProperty("java.class.path"), MidFormKioskChild.class.getName(),
                dataDir.toString(), clock.instant().toString()))
                .redirectErrorStream(true).start();
        CountDownLatch saved = new CountDownLatch(1);
        Thread console = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter log = new PrintWriter(Files.newBufferedWriter(LOGS.folder().resolve("killed-kiosk-console.log")), true)) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.println(line);
                    if (line.equals("SAVED")) {
                        saved.countDown();
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child dies
            }
        }, "killed-kiosk-console");
        console.start();
        try {
            assertThat(saved.await(60, TimeUnit.SECONDS)).as("the child kiosk saved her draft").isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no erasure
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            console.join(10_000);
        }
        assertThat(LOGS.folder().resolve("killed-kiosk/kiosk.log")).as("the killed kiosk's own log file").exists();
    }

    // ---- the scan ----

    /** After the erasure the kiosk owes (the session's disk work done), every byte searched. */
    private void audit(String when) {
        services.sessions().flush();
        long t0 = System.nanoTime();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        // Scanned as areas of their own, or not the kiosk's; surefire's copy of this JVM's console
        // holds the console's log lines, which the log capture holds too (and more).
        List<Path> apart = List.of(dataDir, LOGS.base(), cupsRoot, notTheKiosk,
                tmp.resolve("surefire-" + System.getProperty("user.name")));
        PersonalDataScan.Report report = PersonalDataScan.forTestCitizen()
                .dataFolder("data folder", dataDir)
                .folder("kiosk logs", LOGS.folder())
                .folder("private CUPS", cupsRoot, List.of(printedPaper))
                .changedSince("JVM temp folder", tmp, began, apart)
                .scan();
        System.out.printf("privacy audit after %s: %s in %d ms; scanned %s%n", when,
                report.clean() ? "nothing found" : report.findings().size() + " finding(s)", (System.nanoTime() - t0) / 1_000_000,
                String.join("; ", report.scanned()));
        if (!report.clean()) {
            leaks.add(report.describe(when));
        }
    }

    /** Every audit of the journey, reported together: what one ending leaves may differ from the next. */
    private void assertNothingLeft() {
        // The scan of the logs proves something only if the kiosk's lines reached them.
        assertThat(LOGS.folder().resolve("kiosk.log")).as("the captured kiosk log").content(StandardCharsets.UTF_8)
                .contains("session ended (");
        if (!leaks.isEmpty()) {
            throw new AssertionError(String.join("\n\n", leaks));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
