// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.catalogue.RequiredDocument;
import vn.motcua.kiosk.documents.DocumentException;
import vn.motcua.kiosk.documents.DocumentLimits;
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
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScanningException;

/**
 * Design step 6: the papers of the session's dossier, one per document the procedure lists. The
 * declaration is made from the answers; every other paper is scanned or imported into one PDF in
 * the session folder (erased with it). Slow work (scanning, PDFs): call it off the UI thread.
 */
public final class PapersStep {
    /** One row of the papers screen: a paper, whether it is needed now, and its PDF if made. */
    public record Row(String type, Label name, boolean required, boolean generated, DossierDocument document) {}

    private final SessionService sessions;
    private final CatalogueService catalogue;
    private final Supplier<Scanner> scanner;
    private final DocumentLimits limits;
    private final Clock clock;

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
        int pages = new DeclarationPdf(catalogue.places(), catalogue.validator())
                .write(p.name().vi(), p.form(), Answers.of(s.answers()), LocalDate.now(clock), out);
        DossierDocument d = new DossierDocument(DeclarationPdf.TYPE, listed.get().name().vi(), out, pages, Files.size(out), false);
        sessions.putDocument(d, order(p));
        return Optional.of(d);
    }

    /** Scans a batch into the paper of {@code type} (replacing an earlier one) and makes its PDF. */
    public DossierDocument scan(String type, ScanSettings settings, Cancellation cancellation, PagesListener listener)
            throws ScanningException, IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PageWriter writer = new PageWriter(pagesFolder(s, type), limits);
        PaperDocument paper = new PaperDocument(type);
        try {
            new PaperScanner(scanner.get(), writer).scanInto(paper, 0, settings, cancellation, listener);
            return finish(s, type, writer, paper);
        } finally {
            paper.clear();
        }
    }

    /** Imports a PDF, JPEG or PNG (a USB stick) as the paper of {@code type}; checked before it is taken. */
    public DossierDocument importFile(String type, Path file) throws IOException, DocumentException {
        KioskSession s = sessions.current().orElseThrow();
        PageWriter writer = new PageWriter(pagesFolder(s, type), limits);
        PaperDocument paper = new PaperDocument(type);
        try {
            new PaperImport(writer).importInto(paper, file, ColourMode.GREY);
            return finish(s, type, writer, paper);
        } finally {
            paper.clear();
        }
    }

    /** The citizen took the paper out of the dossier; its PDF is erased. */
    public void remove(String type) {
        sessions.removeDocument(type);
    }

    private DossierDocument finish(KioskSession s, String type, PageWriter writer, PaperDocument paper)
            throws IOException, DocumentException {
        Procedure p = procedure().orElseThrow();
        Path out = folder(s).resolve(type + ".pdf");
        PdfMaker.BuiltPdf pdf = new PdfMaker(writer).build(paper, out);
        String name = p.documentList().stream().filter(d -> d.id().equals(type)).findFirst()
                .map(d -> d.name().vi()).orElse(type);
        DossierDocument d = new DossierDocument(type, name, pdf.file(), pdf.pages(), pdf.bytes(), false);
        sessions.putDocument(d, order(p));
        return d;
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
