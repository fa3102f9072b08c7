// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.catalogue.RequiredDocument;
import vn.motcua.kiosk.documents.DocumentException;
import vn.motcua.kiosk.documents.DocumentLimits;
import vn.motcua.kiosk.documents.Page;
import vn.motcua.kiosk.documents.PageWriter;
import vn.motcua.kiosk.documents.PagesListener;
import vn.motcua.kiosk.documents.PaperDocument;
import vn.motcua.kiosk.documents.PaperImport;
import vn.motcua.kiosk.documents.PaperScanner;
import vn.motcua.kiosk.documents.PdfMaker;
import vn.motcua.kiosk.dossier.DeclarationPdf;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ColourMode;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScannerCapabilities;
import vn.motcua.kiosk.scanning.ScanningException;

/**
 * Design step 6: the papers of the session's dossier, one per document the procedure lists. The
 * declaration is made from the answers; every other paper is pages on disk (scanned, imported,
 * turned, moved, deleted, rescanned) and one PDF made again after each change, all in the session
 * folder (erased with it). Slow work (scanning, PDFs): call it off the UI thread.
 */
public final class PapersStep {
    /** One row of the papers screen: a paper, whether it is needed now, and its PDF if made. */
    public record Row(String type, Label name, boolean required, boolean generated, DossierDocument document) {}

    private final SessionService sessions;
    private final CatalogueService catalogue;
    private final Supplier<Scanner> scanner;
    private final DocumentLimits limits;
    private final Clock clock;
    private final Map<String, PaperDocument> byType = new HashMap<>();
    private String papersOf;

    public PapersStep(SessionService sessions, CatalogueService catalogue, Supplier<Scanner> scanner,
            DocumentLimits limits, Clock clock) {
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.scanner = scanner;
        this.limits = limits;
        this.clock = clock;
    }

    /** The rows in the catalogue's order, with the answers so far deciding what is required. */
    public List<Row> rows() {
        Optional<KioskSession> s = sessions.current();
        Optional<Procedure> p = procedure();
        if (s.isEmpty() || p.isEmpty()) {
            return List.of();
        }
        Answers answers = Answers.of(s.get().answers());
        LocalDate today = LocalDate.now(clock);
        List<DossierDocument> made = s.get().documents();
        return p.get().documentList().stream().map(d -> new Row(d.id(), d.name(), d.isRequired(answers, today),
                DeclarationPdf.TYPE.equals(d.id()),
                made.stream().filter(m -> m.type().equals(d.id())).findFirst().orElse(null))).toList();
    }

    /** Required papers without a PDF yet: "Tiếp tục" waits for these. */
    public List<Row> missing() {
        return rows().stream().filter(r -> r.required() && r.document() == null).toList();
    }

    /** (Re)makes the declaration from the answers as they are now, if the procedure lists one. */
    public Optional<DossierDocument> makeDeclaration() throws IOException {
        KioskSession s = sessions.current().orElseThrow();
        Procedure p = procedure().orElseThrow();
        Optional<RequiredDocument> listed = p.documentList().stream().filter(d -> DeclarationPdf.TYPE.equals(d.id())).findFirst();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Path out = folder(s).resolve(DeclarationPdf.TYPE + ".pdf");
        int pages = new DeclarationPdf(catalogue.places(), catalogue.validator(),
                code -> catalogue.office(code).map(o -> o.name().vi()).orElse(code))
                .write(p.name().vi(), p.form(), Answers.of(s.answers()), LocalDate.now(clock), out);
        DossierDocument d = new DossierDocument(DeclarationPdf.TYPE, listed.get().name().vi(), out, pages, Files.size(out), false);
        sessions.putDocument(d, order(p));
        return Optional.of(d);
    }

    /** The PDF of a paper as the session has it now; empty before one was made. */
    public Optional<DossierDocument> document(String type) {
        return sessions.current().flatMap(s -> s.documents().stream().filter(d -> d.type().equals(type)).findFirst());
    }

    /** The pages of a paper as they are now (for thumbnails); empty when it has none. */
    public synchronized List<Page> pages(String type) {
        PaperDocument paper = papers().get(type);
        return paper == null ? List.of() : paper.pages();
    }

    /**
     * Scans a batch and adds its pages to the paper of {@code type} (at the end), then makes its PDF
     * again. Pages scanned before a failure stay (the exception says how many).
     */
    public DossierDocument scan(String type, ScanSettings settings, Cancellation cancellation, PagesListener listener)
            throws ScanningException, IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PaperDocument paper = paper(s, type);
        try {
            new PaperScanner(scanner.get(), writer(s, type)).scanInto(paper, paper.size(), settings, cancellation, listener);
        } catch (ScanningException e) {
            if (!paper.isEmpty()) {
                finish(s, type);
            }
            throw e;
        }
        return finish(s, type);
    }

    /** What the scanner offers (feeder, duplex, colour): the screen shows only what works. Blocks on the scanner. */
    public ScannerCapabilities scannerCapabilities() throws ScanningException {
        return scanner.get().capabilities();
    }

    /**
     * Deletes the backs of duplex sheets that look blank: only when the citizen asks (a faint back
     * may still matter), never on the kiosk's own judgement. Returns null when no page is left.
     */
    public DossierDocument dropBlankBacks(String type) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PaperDocument paper = paper(s, type);
        List<Page> pages = paper.pages();
        for (int i = pages.size() - 1; i >= 0; i--) {
            if (pages.get(i).backSide() && pages.get(i).blank()) {
                paper.delete(i);
            }
        }
        if (paper.isEmpty()) {
            remove(type);
            return null;
        }
        return finish(s, type);
    }

    /** Scans one page from the glass in place of page {@code index} (a blurred or crooked one). */
    public DossierDocument rescan(String type, int index, ScanSettings settings, Cancellation cancellation,
            PagesListener listener) throws ScanningException, IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PaperDocument paper = paper(s, type);
        PaperDocument one = new PaperDocument(type);
        new PaperScanner(scanner.get(), writer(s, type)).scanInto(one, 0, settings.withSource(PaperSource.FLATBED),
                cancellation, listener);
        if (one.isEmpty()) {
            throw new IOException("the scanner gave no page");
        }
        paper.replace(index, one.page(0));
        for (int i = 1; i < one.size(); i++) {
            paper.insert(index + i, one.page(i));
        }
        return finish(s, type);
    }

    /** Imports a PDF, JPEG or PNG (a USB stick): checked, then its pages join the paper of {@code type}. */
    public DossierDocument importFile(String type, Path file) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        new PaperImport(writer(s, type)).importInto(paper(s, type), file, ColourMode.GREY);
        return finish(s, type);
    }

    /** Turns page {@code index} a quarter clockwise. */
    public DossierDocument rotate(String type, int index) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        paper(s, type).rotate(index, 90);
        return finish(s, type);
    }

    /** Moves a page (drag and drop on the screen). */
    public DossierDocument move(String type, int from, int to) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        paper(s, type).move(from, to);
        return finish(s, type);
    }

    /** Deletes one page; the last one removes the paper. Returns null when none is left. */
    public DossierDocument deletePage(String type, int index) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PaperDocument paper = paper(s, type);
        paper.delete(index);
        if (paper.isEmpty()) {
            remove(type);
            return null;
        }
        return finish(s, type);
    }

    /** The citizen took the paper out of the dossier; its pages and PDF are erased. */
    public synchronized void remove(String type) {
        PaperDocument paper = papers().remove(type);
        if (paper != null) {
            try {
                paper.clear();
            } catch (IOException e) {
                // The session's folder is erased at its end anyway; the PDF below goes now.
            }
        }
        sessions.removeDocument(type);
    }

    /** The PDF of the paper as its pages are now. */
    private DossierDocument finish(KioskSession s, String type) throws IOException, DocumentException {
        Procedure p = procedure().orElseThrow();
        Path out = folder(s).resolve(type + ".pdf");
        PdfMaker.BuiltPdf pdf = new PdfMaker(writer(s, type)).build(paper(s, type), out);
        String name = p.documentList().stream().filter(d -> d.id().equals(type)).findFirst()
                .map(d -> d.name().vi()).orElse(type);
        DossierDocument d = new DossierDocument(type, name, pdf.file(), pdf.pages(), pdf.bytes(), false);
        sessions.putDocument(d, order(p));
        return d;
    }

    /** The papers of the open session; another session's are forgotten (its folder is erased with it). */
    private synchronized Map<String, PaperDocument> papers() {
        String id = sessions.current().map(KioskSession::id).orElse(null);
        if (!java.util.Objects.equals(id, papersOf)) {
            byType.clear();
            papersOf = id;
        }
        return byType;
    }

    private synchronized PaperDocument paper(KioskSession s, String type) {
        return papers().computeIfAbsent(type, PaperDocument::new);
    }

    private PageWriter writer(KioskSession s, String type) throws IOException {
        return new PageWriter(pagesFolder(s, type), limits);
    }

    private Optional<Procedure> procedure() {
        return sessions.current().map(KioskSession::procedureId).flatMap(id -> catalogue.catalogue().procedure(id));
    }

    private static List<String> order(Procedure p) {
        return p.documentList().stream().map(RequiredDocument::id).toList();
    }

    private static Path folder(KioskSession s) throws IOException {
        return Files.createDirectories(s.workFolder().resolve("papers"));
    }

    private static Path pagesFolder(KioskSession s, String type) throws IOException {
        return Files.createDirectories(s.workFolder().resolve("pages").resolve(type));
    }
}
