// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.awt.print.PrinterJob;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import javax.print.attribute.standard.PrinterIsAcceptingJobs;
import javax.print.attribute.standard.PrinterState;
import javax.print.attribute.standard.PrinterStateReason;
import javax.print.attribute.standard.PrinterStateReasons;
import javax.print.attribute.standard.QueuedJobCount;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.Orientation;
import org.apache.pdfbox.printing.PDFPageable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Printer} through javax.print (CUPS on Linux, the spooler on Windows) for the printer named
 * in the configuration ({@code devices.printer}; {@value #SYSTEM_DEFAULT} = the system default).
 * PDFBox's {@link PDFPageable} keeps each page at the PDF's own size, so a roll receipt goes out at
 * 80 mm × its length; A4/A5 are also requested as media so the queue's default (often Letter)
 * never applies. Where CUPS runs, its IPP interface adds what javax.print cannot tell: a stopped
 * queue, out of paper, and what became of the job.
 */
public final class JavaxPrinter implements Printer {
    public static final String SYSTEM_DEFAULT = "auto";
    private static final Logger LOG = LoggerFactory.getLogger(JavaxPrinter.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String configured;
    private final CupsIpp cups;
    /** Job name → the subscription that hears how it ends, until {@link #awaitDone} has heard. */
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    /** Long enough for any print; CUPS drops a subscription nobody cancelled after this. */
    private static final int SUBSCRIPTION_LEASE_SECONDS = 600;

    /** @param printerName the configured printer's name, or {@value #SYSTEM_DEFAULT} */
    public JavaxPrinter(String printerName) {
        this(printerName, isWindows() ? null : CupsIpp.fromEnvironment(System::getenv));
    }

    JavaxPrinter(String printerName, CupsIpp cups) {
        this.configured = printerName == null || printerName.isBlank() ? SYSTEM_DEFAULT : printerName;
        this.cups = cups;
    }

    @Override
    public List<String> printers() {
        List<String> names = new ArrayList<>();
        for (PrintService s : PrintServiceLookup.lookupPrintServices(null, null)) {
            names.add(s.getName());
        }
        return names;
    }

    @Override
    public PrinterStatus status() throws PrintingException {
        return status(service());
    }

    @Override
    public PrintJob print(byte[] pdf, PaperSize paper) throws PrintingException {
        PrintService service = service();
        refuseIfNotReady(status(service));
        // CUPS logs the job's name: a random one, never the citizen's.
        String name = "kiosk-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
        long started = System.nanoTime();
        // Before the job exists, so that even a job that ends at once leaves its events.
        int subscription = subscribe(service.getName());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setPrintService(service);
            job.setJobName(name);
            job.setPageable(new PDFPageable(doc, Orientation.PORTRAIT));
            PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
            attributes.add(new JobName(name, null));
            attributes.add(new Copies(1));
            if (paper == PaperSize.A4) {
                attributes.add(MediaSizeName.ISO_A4);
            } else if (paper == PaperSize.A5) {
                attributes.add(MediaSizeName.ISO_A5);
            }
            job.print(attributes);
        } catch (IOException | java.awt.print.PrinterException e) {
            // The JDK says only "Printer is not accepting job." whatever happened: ask the printer why.
            unsubscribe(service.getName(), subscription);
            PrinterStatus now = status(service);
            refuseIfNotReady(now);
            throw new PrintingException("printing.failed", service.getName(), e.getMessage(), e);
        }
        int id = jobId(service.getName(), name, subscription);
        if (subscription > 0) {
            subscriptions.put(name, subscription);
        }
        LOG.info("print job {} ({}) accepted by {} in {} ms", id, paper, service.getName(),
                (System.nanoTime() - started) / 1_000_000);
        return new PrintJob(service.getName(), id, name);
    }

    @Override
    public void awaitDone(PrintJob job, Duration limit) throws PrintingException {
        Integer subscription = subscriptions.remove(job.name());
        try {
            awaitDone(job, limit, subscription == null ? -1 : subscription);
        } finally {
            if (subscription != null) {
                unsubscribe(job.printer(), subscription);
            }
        }
    }

    private void awaitDone(PrintJob job, Duration limit, int subscription) throws PrintingException {
        if (cups == null || job.jobId() < 0) {
            return; // the Windows spooler reports nothing per job through javax.print
        }
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<String, List<Object>> attrs;
            try {
                Optional<Map<String, List<Object>>> kept = cups.job(job.printer(), job.jobId());
                if (kept.isPresent()) {
                    attrs = kept.get();
                } else {
                    // Ended and forgotten (no job history): its last event says how it ended.
                    attrs = lastEvent(job.printer(), subscription, job.jobId());
                    if (attrs.isEmpty()) {
                        LOG.info("print job {} ended; CUPS keeps no history of it and sent no event", job.jobId());
                        return;
                    }
                }
            } catch (IOException e) {
                throw new PrintJobFailedException(job.printer(), "job " + job.jobId() + ": " + e.getMessage(), e);
            }
            int state = integer(attrs, "job-state", 0);
            String why = String.join(", ", texts(attrs, "job-printer-state-message", "job-state-reasons", "notify-text"));
            switch (state) {
                case 9: // completed
                    return;
                case 7: // canceled
                case 8: // aborted
                    if (!attrs.containsKey("job-printer-state-message")) {
                        // From an event, which lacks the device's own words: the queue still has them.
                        why = status(service(job.printer())).why() + ", " + why;
                    }
                    throw new PrintJobFailedException(job.printer(), why);
                case 4: // held
                    throw new PrintJobStuckException(job.printer(), "held: " + why);
                default:
                    break;
            }
            PrinterStatus printer = status(service(job.printer()));
            if (printer.outOfPaper()) {
                throw new OutOfPaperException(job.printer(), printer.why());
            }
            if (printer.offline()) {
                // CUPS stops the queue when the device fails and keeps the job waiting under it.
                throw new PrintJobStuckException(job.printer(), printer.why());
            }
            if (System.nanoTime() > deadline) {
                throw new PrintJobStuckException(job.printer(), "not done after " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrintJobStuckException(job.printer(), "interrupted", e);
            }
        }
    }

    private static void refuseIfNotReady(PrinterStatus s) throws PrintingException {
        if (s.outOfPaper()) {
            throw new OutOfPaperException(s.name(), s.why());
        }
        if (s.offline()) {
            throw new PrinterOfflineException(s.name(), s.why());
        }
        if (!s.acceptingJobs()) {
            throw new PrinterNotAcceptingJobsException(s.name(), s.why());
        }
    }

    private PrintService service() throws PrintingException {
        return service(configured);
    }

    private PrintService service(String name) throws PrintingException {
        if (SYSTEM_DEFAULT.equalsIgnoreCase(name)) {
            PrintService s = PrintServiceLookup.lookupDefaultPrintService();
            if (s == null) {
                throw new PrinterMissingException(SYSTEM_DEFAULT, "no default printer");
            }
            return s;
        }
        PrintService[] all = PrintServiceLookup.lookupPrintServices(null, null);
        for (PrintService s : all) {
            if (s.getName().equals(name)) {
                return s;
            }
        }
        for (PrintService s : all) {
            if (s.getName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new PrinterMissingException(name, all.length + " other printer(s)");
    }

    private PrinterStatus status(PrintService s) throws PrintingException {
        if (cups != null) {
            try {
                Map<String, List<Object>> a = cups.printer(s.getName());
                PrinterStatus.State state = switch (integer(a, "printer-state", 0)) {
                    case 3 -> PrinterStatus.State.IDLE;
                    case 4 -> PrinterStatus.State.PROCESSING;
                    case 5 -> PrinterStatus.State.STOPPED;
                    default -> PrinterStatus.State.UNKNOWN;
                };
                Set<String> reasons = new LinkedHashSet<>(texts(a, "printer-state-reasons"));
                reasons.remove("none");
                List<Object> accepting = a.getOrDefault("printer-is-accepting-jobs", List.of(Boolean.TRUE));
                return new PrinterStatus(s.getName(), state, Boolean.TRUE.equals(accepting.get(0)), reasons,
                        String.join(", ", texts(a, "printer-state-message")), integer(a, "queued-job-count", -1));
            } catch (IOException e) {
                // Not CUPS after all (or it went away): javax.print alone below.
                LOG.debug("CUPS IPP status unavailable from {}: {}", cups.server(), e.getMessage());
            }
        }
        PrinterIsAcceptingJobs accepting = s.getAttribute(PrinterIsAcceptingJobs.class);
        PrinterState state = s.getAttribute(PrinterState.class);
        PrinterStateReasons reasons = s.getAttribute(PrinterStateReasons.class);
        QueuedJobCount queued = s.getAttribute(QueuedJobCount.class);
        Set<String> why = new LinkedHashSet<>();
        if (reasons != null) {
            for (PrinterStateReason r : reasons.keySet()) {
                why.add(r.toString().toLowerCase(Locale.ROOT));
            }
        }
        PrinterStatus.State st = state == null ? PrinterStatus.State.UNKNOWN
                : state == PrinterState.STOPPED ? PrinterStatus.State.STOPPED
                : state == PrinterState.PROCESSING ? PrinterStatus.State.PROCESSING
                : state == PrinterState.IDLE ? PrinterStatus.State.IDLE : PrinterStatus.State.UNKNOWN;
        return new PrinterStatus(s.getName(), st, accepting == null || accepting == PrinterIsAcceptingJobs.ACCEPTING_JOBS,
                why, "", queued == null ? -1 : queued.getValue());
    }

    /**
     * The id CUPS gave our job, found by its unique name among the printer's jobs, or — if it has
     * ended and been forgotten already — among the subscription's events; -1 when unknown.
     */
    private int jobId(String printer, String name, int subscription) {
        if (cups == null) {
            return -1;
        }
        int id = -1;
        try {
            for (Map<String, List<Object>> j : cups.jobs(printer)) {
                if (texts(j, "job-name").contains(name)) {
                    id = Math.max(id, integer(j, "job-id", -1));
                }
            }
            if (id < 0 && subscription > 0) {
                for (Map<String, List<Object>> e : cups.events(printer, subscription)) {
                    if (texts(e, "job-name").contains(name)) {
                        id = Math.max(id, integer(e, "notify-job-id", -1));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("CUPS job list unavailable: {}", e.getMessage());
        }
        return id;
    }

    /** A pull subscription to the printer's job events for the next few minutes; -1 if CUPS will not have one. */
    private int subscribe(String printer) {
        if (cups == null) {
            return -1;
        }
        try {
            return cups.subscribe(printer, SUBSCRIPTION_LEASE_SECONDS);
        } catch (IOException e) {
            LOG.debug("CUPS job events unavailable: {}", e.getMessage());
            return -1;
        }
    }

    private void unsubscribe(String printer, int subscription) {
        if (cups == null || subscription <= 0) {
            return;
        }
        try {
            cups.unsubscribe(printer, subscription);
        } catch (IOException e) {
            LOG.debug("CUPS subscription {} left to its lease: {}", subscription, e.getMessage());
        }
    }

    /** The last event about {@code jobId} (job-state, job-state-reasons, notify-text); empty if none. */
    private Map<String, List<Object>> lastEvent(String printer, int subscription, int jobId) throws IOException {
        Map<String, List<Object>> last = Map.of();
        if (subscription > 0) {
            for (Map<String, List<Object>> e : cups.events(printer, subscription)) {
                if (integer(e, "notify-job-id", -1) == jobId && e.containsKey("job-state")) {
                    last = e;
                }
            }
        }
        return last;
    }

    private static int integer(Map<String, List<Object>> attrs, String name, int fallback) {
        List<Object> v = attrs.get(name);
        return v != null && !v.isEmpty() && v.get(0) instanceof Integer i ? i : fallback;
    }

    private static List<String> texts(Map<String, List<Object>> attrs, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            for (Object o : attrs.getOrDefault(n, List.of())) {
                String s = String.valueOf(o);
                if (!s.isBlank() && !"none".equals(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
