// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.drafts.ResumeCode;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.privacy.KeyFile;
import vn.motcua.kiosk.session.EndReason;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.startup.Options;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.Draft;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.KioskSecrets;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * The data an installed kiosk must keep across a package upgrade: a parked draft and a dossier
 * waiting in the outbox. For the Debian install test, run on the host JVM against the installed
 * files while the kiosk is stopped. The core is opened as the kiosk opens it, and the portal link
 * is never started: nothing is sent.
 * <pre>
 * seed  --config DIR... --data DIR --key FILE                       prints "parked CODE YEAR", "outbox REF"
 * check --config DIR... --data DIR --key FILE --parked CODE:YEAR --outbox REF
 *                                                                  prints "parked CODE YEAR PROCEDURE answers=N",
 *                                                                  "outbox REF STATE ..."; exit 1 when either is gone
 * </pre>
 * Seeding runs as whoever runs it: as root, chown the data folder back to the kiosk's account after.
 * From the repository root (compiling in the same run makes the training portal's classes those of
 * this tree, not a jar left in ~/.m2; the last module built, app, writes the file):
 * <pre>
 * mvn -B -ntp -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/kiosk-test.cp -Dmdep.includeScope=test
 * java -cp "app/target/test-classes:app/target/classes:$(cat /tmp/kiosk-test.cp)" \
 *     vn.motcua.kiosk.testing.InstalledKioskData seed --config ETC --config SHARE --data DATA --key KEYFILE
 * </pre>
 */
public final class InstalledKioskData {
    static final String PROCEDURE = "trich-luc-ho-tich";
    private static final String PROVINCE = "56";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstalledKioskData() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** 0: seeded, or both found; 1: something is missing or failed; 2: wrong arguments. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "" : rest.remove(0);
        String parked = take(rest, "--parked");
        String outbox = take(rest, "--outbox");
        boolean check = command.equals("check");
        if (!(check || command.equals("seed")) || !rest.contains("--config") || !rest.contains("--data") || !rest.contains("--key")
                || check && (parked == null || outbox == null || !parked.matches("[^:]+:\\d{4}"))) {
            err.println("usage: seed --config DIR... --data DIR --key FILE"
                    + " | check --config DIR... --data DIR --key FILE --parked CODE:YEAR --outbox REF");
            return 2;
        }
        try {
            Options options = Options.parse(rest.toArray(String[]::new));
            DataKey key = KeyFile.open(options.keyLocation());
            if (!check) {
                seed(options, key, out);
                return 0;
            }
            List<String> problems = new ArrayList<>();
            checkOutbox(options, key, outbox, out, problems);
            checkParked(options.dataDir(), key, parked, out, problems);
            problems.forEach(p -> err.println("check failed: " + p));
            return problems.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            err.println("failed: " + e);
            return 1;
        }
    }

    /** As {@code KioskApp.prepare()} opens it, minus the portal link's start. */
    private static KioskServices open(Options options, DataKey key) throws Exception {
        ConfigSource source = options.configSource();
        return KioskServices.open(source, new ConfigLoader().load(source), options.dataDir(), key, Clock.systemDefaultZone());
    }

    private static void seed(Options options, DataKey key, PrintStream out) throws Exception {
        Path idCard = Files.createTempFile("installed-kiosk-id-card", ".pdf");
        try (KioskServices services = open(options, key)) {
            Province province = services.catalogue().places().province(PROVINCE).orElseThrow();
            SessionService sessions = services.sessions();
            // "Lưu nháp" on the form: the privacy audit's citizen, so a plain copy of her would be found.
            sessions.begin();
            sessions.acceptConsent();
            sessions.chooseProcedure(PROCEDURE);
            sessions.answerAll(TestCitizen.extractRequest(province, 2));
            sessions.moveTo(Step.FORM);
            ResumeCode code = sessions.park(TestCitizen.BIRTH_YEAR); // returns with the rest erased
            out.println("parked " + code.value() + " " + TestCitizen.BIRTH_YEAR);
            // "Nộp hồ sơ" with the portal unreachable: declaration and ID card into the outbox.
            sessions.begin();
            sessions.acceptConsent();
            sessions.chooseProcedure(PROCEDURE);
            sessions.answerAll(Dossiers.extractRequest(province, 1));
            services.papers().makeDeclaration();
            try (PDDocument doc = new PDDocument()) {
                doc.addPage(new PDPage());
                doc.save(idCard.toFile());
            }
            services.papers().importFile("idCard", idCard);
            sessions.moveTo(Step.SUBMIT);
            String ref = services.filing().file().localReference();
            sessions.end(EndReason.FINISHED).join();
            out.println("outbox " + ref);
        } finally {
            Files.deleteIfExists(idCard);
        }
    }

    private static void checkOutbox(Options options, DataKey key, String ref, PrintStream out, List<String> problems)
            throws Exception {
        try (KioskServices services = open(options, key)) { // migrates the database, as the upgraded kiosk's start does
            OutboxStore store = services.portal().outbox().store();
            Optional<OutboxStore.Entry> found = store.find(ref);
            if (found.isEmpty()) {
                problems.add("outbox entry " + ref + " is gone"
                        + store.tombstone(ref).map(t -> " (discarded: " + t.reason() + ")").orElse(" (never there, or erased)"));
                return;
            }
            OutboxStore.Entry e = found.get();
            if (e.state() == OutboxStore.State.SENT) {
                out.println("outbox " + ref + " SENT " + e.dossierCode());
                return;
            }
            // Still to send: its papers must open with the key, or the worker could not send them.
            for (OutboxStore.Document d : e.documents()) {
                try {
                    services.portal().outbox().open(ref, d);
                } catch (Exception broken) {
                    problems.add("outbox entry " + ref + ": paper " + d.position() + " (" + d.type() + ") cannot be opened: " + broken);
                }
            }
            out.println("outbox " + ref + " " + e.state() + " papers=" + e.documents().size() + " attempts=" + e.attempts());
        }
    }

    /**
     * What "Tiếp tục hồ sơ đã lưu" does up to restoring — the lookup and opening with code and
     * year — without its taking over the draft (a resume deletes the parked copy).
     */
    private static void checkParked(Path dataDir, DataKey key, String parked, PrintStream out, List<String> problems)
            throws Exception {
        String[] codeYear = parked.split(":");
        Optional<ResumeCode> code = ResumeCode.parse(codeYear[0]);
        int year = Integer.parseInt(codeYear[1]);
        if (code.isEmpty()) {
            problems.add("not a resume code: " + codeYear[0]);
            return;
        }
        try (Database db = Database.open(dataDir.resolve(KioskServices.DATABASE_FILE), key)) {
            // The salt's name as KioskServices gives it to the sessions' sealer.
            DraftSealer sealer = new DraftSealer(new KioskSecrets(db).getOrCreate("parked-draft-salt", 16));
            Optional<Draft> draft = new DraftStore(db).findParked(sealer.lookup(code.get(), year));
            if (draft.isEmpty()) {
                problems.add("no parked draft for " + code.get().value() + " and " + year);
                return;
            }
            JsonNode saved = JSON.readTree(sealer.open(draft.get().payload(), code.get(), year));
            if (!PROCEDURE.equals(saved.path("procedure").asText()) || saved.path("answers").isEmpty()) {
                problems.add("the parked draft " + code.get().value() + " opens but holds no " + PROCEDURE + " answers");
            }
            out.println("parked " + code.get().value() + " " + year + " " + saved.path("procedure").asText()
                    + " answers=" + saved.path("answers").size());
        }
    }

    /** Removes {@code flag} and its value from {@code args}; the value, or null when absent. */
    private static String take(List<String> args, String flag) {
        int i = args.indexOf(flag);
        if (i < 0 || i + 1 >= args.size()) {
            return null;
        }
        args.remove(i);
        return args.remove(i);
    }
}
