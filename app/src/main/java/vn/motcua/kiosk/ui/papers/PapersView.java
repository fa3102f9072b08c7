// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.papers;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/**
 * Design step 6: a row per paper with what it holds (pages, size) or what is happening, and the
 * ways to fill it — scan from the glass, a file from a USB stick, remove. The chooser lists only
 * files on removable media (never the kiosk's own disk). "Tiếp tục" names what is still missing.
 */
public final class PapersView {
    private PapersView() {}

    public static Node create(PapersViewModel vm, I18n i18n, Runnable onDone) {
        Label title = Controls.label(i18n, "papers.title", "screen-title");
        Label hint = new Label();
        hint.setId("papers-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE); // two lines on a narrow screen, never "…"
        hint.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.messages().get(vm.feederProperty().get() ? "papers.hint.feeder" : "papers.hint"),
                vm.feederProperty(), i18n.messagesProperty()));
        VBox list = new VBox();
        list.getStyleClass().add("papers-rows");
        Runnable fill = () -> list.getChildren().setAll(vm.rows().stream().map(r -> row(vm, i18n, r)).toList());
        vm.rows().addListener((ListChangeListener<PaperRow>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label missing = new Label();
        missing.setId("papers-missing");
        missing.setWrapText(true);
        missing.getStyleClass().add("error-text");
        missing.textProperty().bind(Bindings.createStringBinding(() -> {
            List<vn.motcua.kiosk.form.Label> m = vm.missingProperty().get();
            return m.isEmpty() ? "" : i18n.messages().get("papers.missing",
                    String.join(", ", m.stream().map(l -> l.in(i18n.language().getValue())).toList()));
        }, vm.missingProperty(), i18n.messagesProperty()));
        missing.visibleProperty().bind(missing.textProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());
        Button next = Controls.button(i18n, "papers.next", "papers-next", () -> {
            if (vm.complete()) {
                onDone.run();
            }
        });
        next.getStyleClass().add("primary");
        HBox buttons = new HBox(next);
        buttons.getStyleClass().add("button-row");

        VBox screen = new VBox(title, hint, ScanOptions.create(vm, i18n), scroll, missing, buttons);
        screen.getStyleClass().add("papers");
        StackPane root = new StackPane(screen, chooser(vm, i18n), preview(vm, i18n));
        root.setId("papers");
        return root;
    }

    private static Node row(PapersViewModel vm, I18n i18n, PaperRow row) {
        String id = row.type();
        Label name = new Label();
        name.setId("paper-name-" + id);
        name.setWrapText(true);
        name.getStyleClass().add("paper-name");
        name.textProperty().bind(Bindings.createStringBinding(() -> row.name().in(i18n.language().getValue())
                + (row.required() ? "" : " " + i18n.messages().get("papers.optional")), i18n.messagesProperty()));
        Label state = new Label();
        state.setId("paper-state-" + id);
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> state(i18n, row), row.documentProperty(),
                row.busyProperty(), row.pageProperty(), row.problemProperty(), i18n.messagesProperty()));
        state.getStyleClass().add("paper-state");
        row.problemProperty().addListener((obs, was, is) -> setClass(state, "error-text", is != null));
        VBox words = new VBox(name, state);
        HBox.setHgrow(words, Priority.ALWAYS);

        HBox line = new HBox(words);
        line.getStyleClass().add("paper-row");
        line.setAlignment(Pos.CENTER_LEFT);
        if (!row.generated()) {
            Button scan = Controls.button(i18n, "papers.scan", "paper-scan-" + id, () -> vm.scan(row, vm.settings()));
            Button usb = Controls.button(i18n, "papers.usb", "paper-usb-" + id, () -> vm.chooseFile(row));
            Button cancel = Controls.button(i18n, "papers.cancel", "paper-cancel-" + id, () -> vm.cancelScan(row));
            Button remove = Controls.button(i18n, "papers.remove", "paper-remove-" + id, () -> vm.remove(row));
            Button dropBacks = new Button();
            dropBacks.setId("paper-drop-backs-" + id);
            dropBacks.textProperty().bind(Bindings.createStringBinding(
                    () -> i18n.messages().get("papers.dropBlankBacks", row.blankBacks().get()),
                    row.blankBacks(), i18n.messagesProperty()));
            dropBacks.setOnAction(e -> vm.dropBlankBacks(row));
            dropBacks.visibleProperty().bind(row.blankBacks().greaterThan(0).and(row.busyProperty().not()));
            scan.disableProperty().bind(row.busyProperty());
            usb.disableProperty().bind(row.busyProperty());
            cancel.visibleProperty().bind(row.busyProperty());
            remove.visibleProperty().bind(row.documentProperty().isNotNull().and(row.busyProperty().not()));
            for (Button b : List.of(cancel, remove, dropBacks)) {
                b.managedProperty().bind(b.visibleProperty());
            }
            line.getChildren().addAll(scan, usb, cancel, dropBacks, remove);
        }
        for (Node n : line.getChildren()) {
            if (n instanceof Region r && n != words) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        if (row.generated()) {
            return line;
        }
        VBox box = new VBox(line, strip(vm, i18n, row));
        line.getStyleClass().setAll("paper-line");
        box.getStyleClass().add("paper-row");
        return box;
    }

    /**
     * The pages as thumbnails, in order: a tap opens one large; dragging one onto another moves it
     * there (plain mouse/touch events: they work the same on every platform and in headless tests).
     */
    private static Node strip(PapersViewModel vm, I18n i18n, PaperRow row) {
        HBox strip = new HBox();
        strip.setId("paper-pages-" + row.type());
        strip.getStyleClass().add("page-strip");
        int[] dragFrom = {-1};
        Runnable fill = () -> {
            strip.getChildren().clear();
            for (int i = 0; i < row.thumbs().size(); i++) {
                PapersViewModel.Thumb t = row.thumbs().get(i);
                int index = i;
                javafx.scene.image.ImageView image = new javafx.scene.image.ImageView(t.image());
                image.setPreserveRatio(true);
                image.setFitHeight(110);
                Label number = new Label(t.backSide() ? i18n.messages().get("papers.page.back", i + 1) : String.valueOf(i + 1));
                number.getStyleClass().add("page-number");
                VBox page = new VBox(image, number);
                if (t.blank()) {
                    Label blank = Controls.label(i18n, "papers.page.blank", "page-blank");
                    page.getChildren().add(blank);
                }
                page.setId("thumb-" + row.type() + "-" + i);
                page.getStyleClass().add("page-thumb");
                page.setAlignment(Pos.CENTER);
                page.setOnMousePressed(e -> dragFrom[0] = index);
                page.setOnMouseReleased(e -> {
                    int to = indexAt(strip, e.getSceneX(), e.getSceneY());
                    int from = dragFrom[0];
                    dragFrom[0] = -1;
                    if (from < 0) {
                        return;
                    }
                    if (to >= 0 && to != from) {
                        vm.move(row, from, to);
                    } else if (e.isStillSincePress() || to == from) {
                        vm.openPreview(row, from);
                    }
                });
                strip.getChildren().add(page);
            }
        };
        row.thumbs().addListener((ListChangeListener<PapersViewModel.Thumb>) c -> fill.run());
        fill.run();
        strip.visibleProperty().bind(Bindings.isNotEmpty(row.thumbs()));
        strip.managedProperty().bind(strip.visibleProperty());
        return strip;
    }

    /** Which thumbnail of the strip is under a point of the scene; -1 when none. */
    private static int indexAt(HBox strip, double sceneX, double sceneY) {
        for (int i = 0; i < strip.getChildren().size(); i++) {
            Node n = strip.getChildren().get(i);
            if (n.localToScene(n.getLayoutBounds()).contains(sceneX, sceneY)) {
                return i;
            }
        }
        return -1;
    }

    /** One page large, with what can be done to it. */
    private static Node preview(PapersViewModel vm, I18n i18n) {
        javafx.scene.image.ImageView image = new javafx.scene.image.ImageView();
        image.setId("preview-image");
        image.setPreserveRatio(true);
        // A share of the screen's height, so that the card never pushes the frame off the screen.
        image.imageProperty().bind(Bindings.createObjectBinding(
                () -> vm.previewProperty().get() == null ? null : vm.previewProperty().get().image(), vm.previewProperty()));
        Label which = new Label();
        which.setId("preview-which");
        which.textProperty().bind(Bindings.createStringBinding(() -> {
            PapersViewModel.Preview p = vm.previewProperty().get();
            return p == null ? "" : i18n.messages().get("papers.preview.page", p.index() + 1, p.row().thumbs().size());
        }, vm.previewProperty(), i18n.messagesProperty()));
        Button rotate = Controls.button(i18n, "papers.preview.rotate", "preview-rotate",
                () -> onPreview(vm, p -> vm.rotate(p.row(), p.index())));
        Button earlier = Controls.button(i18n, "papers.preview.earlier", "preview-earlier",
                () -> onPreview(vm, p -> vm.move(p.row(), p.index(), p.index() - 1)));
        Button later = Controls.button(i18n, "papers.preview.later", "preview-later",
                () -> onPreview(vm, p -> vm.move(p.row(), p.index(), p.index() + 1)));
        Button rescan = Controls.button(i18n, "papers.preview.rescan", "preview-rescan",
                () -> onPreview(vm, p -> vm.rescan(p.row(), p.index())));
        Button delete = Controls.button(i18n, "papers.preview.delete", "preview-delete",
                () -> onPreview(vm, p -> vm.deletePage(p.row(), p.index())));
        delete.getStyleClass().add("danger");
        Button close = Controls.button(i18n, "papers.usb.close", "preview-close", vm::closePreview);
        close.getStyleClass().add("primary");
        HBox buttons = new HBox(rotate, earlier, later, rescan, delete, close);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER);
        StackPane sheet = new StackPane(image);
        sheet.getStyleClass().add("preview-sheet"); // the page's edges, white on the white card
        sheet.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        VBox box = new VBox(which, sheet, buttons);
        box.getStyleClass().add("card");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(box);
        overlay.setId("page-preview");
        overlay.getStyleClass().add("overlay");
        image.fitHeightProperty().bind(overlay.heightProperty().multiply(0.62));
        floating(overlay);
        overlay.visibleProperty().bind(vm.previewProperty().isNotNull());
        return overlay;
    }

    /** An overlay takes the screen's size and never asks for more (a hidden one must not stretch the frame). */
    private static void floating(StackPane overlay) {
        overlay.setMinSize(0, 0);
        overlay.setPrefSize(0, 0);
    }

    private static void onPreview(PapersViewModel vm, java.util.function.Consumer<PapersViewModel.Preview> action) {
        PapersViewModel.Preview p = vm.previewProperty().get();
        if (p != null) {
            action.accept(p);
        }
    }

    private static String state(I18n i18n, PaperRow row) {
        var m = i18n.messages();
        if (row.problemProperty().get() != null) {
            return row.problemProperty().get().apply(m);
        }
        if (row.busyProperty().get()) {
            return row.generated() ? m.get("papers.making")
                    : row.pageProperty().get() > 0 ? m.get("papers.scanning", row.pageProperty().get()) : m.get("papers.working");
        }
        DossierDocument d = row.documentProperty().get();
        if (d == null) {
            return m.get(row.required() ? "papers.none.required" : "papers.none");
        }
        return m.get(row.generated() ? "papers.made" : "papers.done", d.pages(), kb(d.bytes()));
    }

    /** 123456 → "121 KB", as a citizen reads sizes. */
    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(bytes / 1024.0)));
    }

    /** The list of files on removable media, over the screen while open. */
    private static Node chooser(PapersViewModel vm, I18n i18n) {
        Label title = Controls.label(i18n, "papers.usb.title", "section-title");
        Label empty = Controls.label(i18n, "papers.usb.empty", null);
        empty.visibleProperty().bind(Bindings.isEmpty(vm.files()));
        empty.managedProperty().bind(empty.visibleProperty());
        VBox files = new VBox();
        files.getStyleClass().add("usb-files");
        vm.files().addListener((ListChangeListener<Path>) c -> files.getChildren().setAll(vm.files().stream().map(p -> {
            Button b = new Button(p.getFileName().toString());
            b.setId("usb-file-" + p.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_"));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.importFile(p));
            return (Node) b;
        }).toList()));
        ScrollPane scroll = new ScrollPane(files);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        Button close = Controls.button(i18n, "papers.usb.close", "usb-close", vm::closeChooser);
        VBox box = new VBox(title, empty, scroll, close);
        box.getStyleClass().add("card");
        box.setMaxSize(720, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(box);
        overlay.setId("usb-chooser");
        overlay.getStyleClass().add("overlay");
        floating(overlay);
        overlay.visibleProperty().bind(vm.choosingForProperty().isNotNull());
        return overlay;
    }

    private static void setClass(Node n, String style, boolean on) {
        n.getStyleClass().remove(style);
        if (on) {
            n.getStyleClass().add(style);
        }
    }
}
