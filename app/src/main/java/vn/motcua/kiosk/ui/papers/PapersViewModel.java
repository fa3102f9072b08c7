// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.papers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.documents.DocumentException;
import vn.motcua.kiosk.documents.Page;
import vn.motcua.kiosk.documents.PagesListener;
import vn.motcua.kiosk.documents.PaperScanner;
import vn.motcua.kiosk.documents.Thumbnails;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ColourMode;
import vn.motcua.kiosk.scanning.PaperJamException;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.ScannerCapabilities;
import vn.motcua.kiosk.scanning.ScanningException;
import vn.motcua.kiosk.session.PapersStep;
import vn.motcua.kiosk.usb.RemovableMedia;
import vn.motcua.kiosk.ui.common.FxImages;

/**
 * Design step 6 as state: one row per paper, each with its PDF (pages, size), a scan under way
 * ("trang 3 …") or what went wrong in words the citizen understands. Scans and imports run on the
 * background executor; every property changes on the FX thread. Logs carry no file names.
 */
public final class PapersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PapersViewModel.class);
    private static final int MAX_FILES_LISTED = 200;

    /** A page as the screen shows it: small, turned as it will be in the PDF, flagged when it looks blank. */
    public record Thumb(UUID id, Image image, boolean blank, boolean backSide) {}

    /** The large view of one page, with what can be done to it. */
    public record Preview(PaperRow row, int index, Image image) {}

    private static final int THUMB_EDGE = 150;
    private static final int PREVIEW_EDGE = 1100;

    private final PapersStep papers;
    private final Map<String, Image> thumbCache = new ConcurrentHashMap<>();
    private final ObjectProperty<Preview> preview = new SimpleObjectProperty<>();
    private final BooleanProperty colour = new SimpleBooleanProperty();
    private final ObjectProperty<ScannerCapabilities> capabilities = new SimpleObjectProperty<>();
    private final BooleanProperty feeder = new SimpleBooleanProperty();
    private final BooleanProperty duplex = new SimpleBooleanProperty();
    private final Executor background;
    private final RemovableMedia removable;
    private final ObservableList<PaperRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<PaperRow> choosingFor = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Label>> missing = new SimpleObjectProperty<>(List.of());

    /** @param removable where USB sticks appear (Linux: /media, /run/media); only files on them are offered */
    public PapersViewModel(PapersStep papers, Executor background, RemovableMedia removable) {
        this.papers = papers;
        this.background = background;
        this.removable = removable;
    }

    public ObservableList<PaperRow> rows() {
        return rows;
    }

    /** Files found on removable media while the chooser is open. */
    public ObservableList<Path> files() {
        return files;
    }

    /** The row the USB chooser is open for; null when closed. */
    public ObjectProperty<PaperRow> choosingForProperty() {
        return choosingFor;
    }

    /** Required papers still missing after the last "Tiếp tục"; empty when none. */
    public ObjectProperty<List<Label>> missingProperty() {
        return missing;
    }

    /** Scan in colour (a photo, a red stamp that must show); grey, the portal's default, otherwise. */
    public BooleanProperty colourProperty() {
        return colour;
    }

    /** What the scanner offers; null until known, or when no scanner answers (then only the glass is offered). */
    public ObjectProperty<ScannerCapabilities> capabilitiesProperty() {
        return capabilities;
    }

    /** "Khay nạp giấy" rather than "Mặt kính": every sheet in the feeder, one batch. */
    public BooleanProperty feederProperty() {
        return feeder;
    }

    /** "Hai mặt": both sides of each sheet (feeder only). */
    public BooleanProperty duplexProperty() {
        return duplex;
    }

    /** Whether the scanner offers {@code source}. */
    public boolean offers(PaperSource source) {
        ScannerCapabilities c = capabilities.get();
        return c != null && c.sources().contains(source);
    }

    /** What "Quét" uses now: 200 dpi, grey or colour, from the glass or the feeder (both sides) as chosen. */
    public ScanSettings settings() {
        ScanSettings s = colour.get() ? ScanSettings.defaults().withMode(ColourMode.COLOUR) : ScanSettings.defaults();
        return s.withSource(source());
    }

    private PaperSource source() {
        if (!feeder.get() || !offers(PaperSource.FEEDER)) {
            return PaperSource.FLATBED;
        }
        return duplex.get() && offers(PaperSource.FEEDER_DUPLEX) ? PaperSource.FEEDER_DUPLEX : PaperSource.FEEDER;
    }

    /** The page shown large; null when none. */
    public ObjectProperty<Preview> previewProperty() {
        return preview;
    }

    /** Opens the screen: the rows as the session has them, and the declaration made afresh from the answers. */
    public void open() {
        rows.setAll(papers.rows().stream().map(PaperRow::new).toList());
        missing.set(List.of());
        preview.set(null);
        for (PaperRow r : rows) {
            DossierDocument made = r.document.get();
            if (!r.generated() && made != null) {
                run(r, () -> made); // its thumbnails
            }
        }
        rows.stream().filter(PaperRow::generated).forEach(row -> run(row, () -> papers.makeDeclaration().orElse(null)));
        Task<ScannerCapabilities> ask = new Task<>() {
            @Override
            protected ScannerCapabilities call() throws ScanningException {
                return papers.scannerCapabilities();
            }
        };
        ask.setOnSucceeded(e -> capabilities.set(ask.getValue()));
        ask.setOnFailed(e -> {
            // The glass stays; "Quét" says what is wrong with the scanner when pressed.
            LOG.info("scanner capabilities unknown: {}", ask.getException().getClass().getSimpleName());
            capabilities.set(null);
        });
        background.execute(ask);
    }

    /** The session ended: no row, page picture or preview of this citizen stays in memory. */
    public void reset() {
        colour.set(false);
        feeder.set(false);
        duplex.set(false);
        closeChooser();
        preview.set(null);
        rows.clear();
        thumbCache.clear();
        missing.set(List.of());
    }

    /** Scans the paper of {@code row} from the glass (or the feeder the settings name). */
    public void scan(PaperRow row, ScanSettings settings) {
        Cancellation cancellation = new Cancellation();
        row.cancellation = cancellation;
        int before = papers.pages(row.type()).size();
        run(row, () -> papers.scan(row.type(), settings, cancellation, pagesOf(row)), () -> { },
                failure -> failure instanceof PaperJamException && settings.source().feeder()
                        ? jamIn(settings.source(), papers.pages(row.type()).size() - before)
                        : describe(failure));
    }

    /** A jam in the feeder: the pages before it are kept; say which sheet to put in first to go on. */
    private static Function<Messages, String> jamIn(PaperSource source, int kept) {
        return m -> m.get("papers.jam.feeder", PaperScanner.restartSheet(kept, source), kept);
    }

    /** "Bỏ … mặt sau trống": the citizen agreed to drop the blank backs of duplex sheets. */
    public void dropBlankBacks(PaperRow row) {
        preview.set(null);
        run(row, () -> papers.dropBlankBacks(row.type()));
    }

    /** "trang 3 …" as a page starts, its thumbnail as soon as it is on disk. */
    private PagesListener pagesOf(PaperRow row) {
        return new PagesListener() {
            @Override
            public void pageStarted(int number) {
                Platform.runLater(() -> row.page.set(number));
            }

            @Override
            public void pageAdded(int index, Page page) {
                Thumb t = thumb(page);
                Platform.runLater(() -> {
                    if (index <= row.thumbs.size()) {
                        row.thumbs.add(index, t);
                    }
                });
            }
        };
    }

    /** Opens page {@code index} of the row large. */
    public void openPreview(PaperRow row, int index) {
        List<Page> pages = papers.pages(row.type());
        if (index < 0 || index >= pages.size()) {
            return;
        }
        Page page = pages.get(index);
        Task<Image> task = new Task<>() {
            @Override
            protected Image call() throws IOException {
                return FxImages.of(Thumbnails.of(page, PREVIEW_EDGE));
            }
        };
        task.setOnSucceeded(e -> preview.set(new Preview(row, index, task.getValue())));
        background.execute(task);
    }

    public void closePreview() {
        preview.set(null);
    }

    /** Turns a page a quarter clockwise (the preview follows). */
    public void rotate(PaperRow row, int index) {
        run(row, () -> papers.rotate(row.type(), index), () -> reopen(row, index));
    }

    /** Moves a page (drag on the strip, or the preview's arrows). */
    public void move(PaperRow row, int from, int to) {
        if (from == to || to < 0 || to >= row.thumbs.size()) {
            return;
        }
        run(row, () -> papers.move(row.type(), from, to), () -> reopen(row, to));
    }

    public void deletePage(PaperRow row, int index) {
        preview.set(null);
        run(row, () -> papers.deletePage(row.type(), index));
    }

    /** Scans one page from the glass in place of page {@code index}. */
    public void rescan(PaperRow row, int index) {
        preview.set(null);
        Cancellation cancellation = new Cancellation();
        row.cancellation = cancellation;
        run(row, () -> papers.rescan(row.type(), index, settings(), cancellation, new PagesListener() {
            @Override
            public void pageStarted(int number) {
                Platform.runLater(() -> row.page.set(number));
            }
        }));
    }

    private void reopen(PaperRow row, int index) {
        if (preview.get() != null && preview.get().row() == row) {
            openPreview(row, index);
        }
    }

    private Thumb thumb(Page page) {
        Image image = thumbCache.computeIfAbsent(page.id() + "/" + page.rotation(), k -> {
            try {
                return FxImages.of(Thumbnails.of(page, THUMB_EDGE));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new Thumb(page.id(), image, page.blank(), page.backSide());
    }

    public void cancelScan(PaperRow row) {
        if (row.cancellation != null) {
            row.cancellation.cancel();
        }
    }

    /** Lists the PDF, JPEG and PNG files on removable media for {@code row}. */
    public void chooseFile(PaperRow row) {
        files.clear();
        choosingFor.set(row);
        Task<List<Path>> list = new Task<>() {
            @Override
            protected List<Path> call() {
                return importable();
            }
        };
        list.setOnSucceeded(e -> files.setAll(list.getValue()));
        background.execute(list);
    }

    public void closeChooser() {
        choosingFor.set(null);
        files.clear();
    }

    /** Imports the chosen file into the row the chooser was opened for. */
    public void importFile(Path file) {
        PaperRow row = choosingFor.get();
        closeChooser();
        if (row != null) {
            run(row, () -> papers.importFile(row.type(), file));
        }
    }

    /** Takes the paper out of the dossier; its pages and PDF are erased in the background. */
    public void remove(PaperRow row) {
        preview.set(null);
        run(row, () -> {
            papers.remove(row.type());
            return null;
        });
    }

    /** True when every required paper is there; otherwise {@link #missingProperty()} names them. */
    public boolean complete() {
        List<Label> lacking = rows.stream().filter(r -> r.required() && r.document.get() == null).map(PaperRow::name).toList();
        missing.set(lacking);
        return lacking.isEmpty() && rows.stream().noneMatch(r -> r.busy.get());
    }

    private interface Work {
        DossierDocument run() throws ScanningException, IOException, DocumentException;
    }

    private void run(PaperRow row, Work work) {
        run(row, work, () -> { });
    }

    /**
     * The paper's PDF and its thumbnails after {@code work} — also when it failed (a jam keeps the
     * pages scanned before it): both read in the background, never on the FX thread.
     */
    private record Done(DossierDocument document, List<Thumb> thumbs, Function<Messages, String> problem) {}

    private void run(PaperRow row, Work work, Runnable then) {
        run(row, work, then, PapersViewModel::describe);
    }

    private void run(PaperRow row, Work work, Runnable then, Function<Exception, Function<Messages, String>> explain) {
        row.problem.set(null);
        row.busy.set(true);
        row.page.set(0);
        Task<Done> task = new Task<>() {
            @Override
            protected Done call() {
                try {
                    return new Done(work.run(), thumbs(row), null);
                } catch (Exception e) {
                    return new Done(row.generated() ? null : papers.document(row.type()).orElse(null), thumbs(row), explain.apply(e));
                }
            }
        };
        task.setOnSucceeded(e -> {
            Done done = task.getValue();
            row.busy.set(false);
            row.page.set(0);
            row.document.set(done.document());
            row.thumbs.setAll(done.thumbs());
            if (done.problem() == null) {
                then.run();
            } else {
                row.problem.set(done.problem());
            }
        });
        task.setOnFailed(e -> {
            // Only a bug gets here (reading the pages back failed as well).
            row.busy.set(false);
            row.page.set(0);
            row.problem.set(describe(task.getException()));
        });
        background.execute(task);
    }

    private static Function<Messages, String> describe(Throwable t) {
        if (t instanceof ScanningException s) {
            return s::describe;
        }
        if (t instanceof DocumentException d) {
            return d::describe;
        }
        LOG.error("a paper could not be made: {}", t.getClass().getSimpleName());
        return m -> m.get("papers.error.storage");
    }

    private List<Thumb> thumbs(PaperRow row) {
        return row.generated() ? List.of() : papers.pages(row.type()).stream().map(this::thumb).toList();
    }

    private List<Path> importable() {
        return removable.files(PapersViewModel::importableName, MAX_FILES_LISTED);
    }

    private static boolean importableName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".pdf") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png"));
    }
}
