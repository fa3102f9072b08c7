package vn.motcua.kiosk.ui.form;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.Section;
import vn.motcua.kiosk.ui.I18n;

/**
 * Step 5, the form: one section at a time ("Phần 2/4") in a scroll pane, Back and Next under
 * it, and on the last section "Tiếp tục", which checks the whole form and either calls
 * {@code onDone} or lists what is missing (a tap on a line goes there) and shows the first.
 * The focused field is scrolled into sight, above the on-screen keyboard.
 */
public final class FormView extends VBox {
    /** The form's height, in ems of its text, from which a title and the list of problems fit with a field. */
    private static final double ROOM_FOR_LIST_EM = 20;
    /**
     * The same while the keyboard is open: then the fields come first, and the title and the list
     * stay only where several fields fit besides them (portrait screens).
     */
    private static final double ROOM_FOR_LIST_TYPING_EM = 40;
    /** The form's width, in ems, from which the list goes beside the fields: 44em of fields, 20em of list. */
    private static final double BESIDE_EM = 66;
    private static final PseudoClass BESIDE = PseudoClass.getPseudoClass("beside");
    private final Label problemsHeading = new Label();
    /** Whether the form has room for more than the fields (false with the keyboard open on a landscape screen). */
    private final BooleanProperty typing = new SimpleBooleanProperty();
    private final BooleanBinding roomy = Bindings.createBooleanBinding(
            () -> getHeight() >= (typing.get() ? ROOM_FOR_LIST_TYPING_EM : ROOM_FOR_LIST_EM) * emSize(),
            heightProperty(), problemsHeading.fontProperty(), typing);
    private final FormViewModel vm;
    private final I18n i18n;
    private final List<Node> sections = new ArrayList<>();
    private final ScrollPane scroll = new ScrollPane();

    public FormView(FormViewModel vm, I18n i18n, Runnable onDone) {
        this.vm = vm;
        this.i18n = i18n;
        setId("form");
        getStyleClass().add("form-screen");
        for (Section s : vm.form().sectionList()) {
            Node section = section(s);
            // Commune matches appearing under the focused box: keep them in sight too.
            section.layoutBoundsProperty().addListener((obs, was, is) -> {
                if (was.getHeight() != is.getHeight() && scroll.getContent() == section) {
                    revealFocused();
                }
            });
            sections.add(section);
        }

        Label progress = new Label();
        progress.setId("form-progress");
        progress.getStyleClass().add("form-progress");
        Label title = new Label();
        title.setId("form-section-title");
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        Label hint = new Label();
        hint.setId("form-section-hint");
        hint.setWrapText(true);
        // With the keyboard open on a landscape screen the fields need every line: the part's
        // title gives way (its number stays in the bar below).
        title.visibleProperty().bind(roomy);
        title.managedProperty().bind(roomy);
        hint.visibleProperty().bind(roomy);
        hint.managedProperty().bind(hint.textProperty().isNotEmpty().and(roomy));
        Runnable heading = () -> {
            Section s = vm.form().sectionList().get(vm.sectionProperty().get());
            List<Integer> shown = vm.shownSections();
            progress.textProperty().bind(i18n.text("form.section", shown.indexOf(vm.sectionProperty().get()) + 1,
                    shown.size()));
            title.textProperty().bind(Bindings.createStringBinding(() -> s.title().in(vm.language().getValue()),
                    vm.language()));
            hint.textProperty().bind(Bindings.createStringBinding(
                    () -> s.hint() == null ? "" : s.hint().in(vm.language().getValue()), vm.language()));
        };

        scroll.setId("form-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox body = new HBox(scroll);
        body.getStyleClass().add("form-body");
        VBox.setVgrow(body, Priority.ALWAYS);

        Node problems = problems();
        Button back = new Button();
        back.setId("form-back");
        back.textProperty().bind(i18n.text("form.back"));
        back.setOnAction(e -> vm.back());
        Button next = new Button();
        next.setId("form-next");
        next.getStyleClass().add("primary");
        next.setOnAction(e -> {
            if (!vm.isLastSection()) {
                vm.next();
            } else if (vm.finish()) {
                onDone.run();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(back, gap, progress, next);
        nav.getStyleClass().addAll("button-row", "form-nav");
        nav.setAlignment(Pos.CENTER_LEFT);

        Runnable refresh = () -> {
            heading.run();
            back.setDisable(vm.isFirstSection());
            next.textProperty().bind(i18n.text(vm.isLastSection() ? "form.done" : "form.next"));
        };
        Runnable show = () -> {
            boolean typed = getScene() != null && getScene().getFocusOwner() != null
                    && isInside(getScene().getFocusOwner(), scroll.getContent());
            scroll.setContent(sections.get(vm.sectionProperty().get()));
            scroll.setVvalue(0);
            if (typed) {
                // Not the new part's first field, which JavaFX would pick and the keyboard open on:
                // the part shows from its top, with its one-touch answers.
                scroll.requestFocus();
            }
            refresh.run();
        };
        vm.sectionProperty().addListener((obs, was, is) -> show.run());
        // A section that appears or disappears with an answer changes "2/4" and what Next does.
        vm.revisionProperty().addListener((obs, was, is) -> refresh.run());
        show.run();
        vm.focusRequestProperty().addListener((obs, was, is) -> {
            if (is != null) {
                focusPath(is, true);
            }
        });
        vm.revealRequestProperty().addListener((obs, was, is) -> {
            if (is != null) {
                focusPath(is, false);
            }
        });
        sceneProperty().addListener((obs, was, is) -> followFocus(is));

        getChildren().addAll(title, hint, body, problems, nav);
        widthProperty().addListener((obs, was, is) -> placeProblems(body, problems));
    }

    /**
     * Beside the fields where the screen is wide enough (fields are at most 44em wide, and a
     * landscape screen's height is what the keyboard takes); under them otherwise.
     */
    private void placeProblems(HBox body, Node problems) {
        boolean beside = getWidth() >= BESIDE_EM * emSize();
        if (beside == body.getChildren().contains(problems)) {
            return;
        }
        ((Pane) problems.getParent()).getChildren().remove(problems);
        if (beside) {
            body.getChildren().add(problems);
        } else {
            getChildren().add(getChildren().size() - 1, problems);
        }
        problems.pseudoClassStateChanged(BESIDE, beside);
    }

    private double emSize() {
        return problemsHeading.getFont().getSize();
    }

    /** Whether the on-screen keyboard is open under the form (the shell says). */
    public BooleanProperty typingProperty() {
        return typing;
    }

    public FormViewModel viewModel() {
        return vm;
    }

    private Node section(Section s) {
        VBox box = new VBox();
        box.getStyleClass().add("form-section");
        box.setId("section-" + FieldViews.id(s.id()));
        for (Field f : s.fieldList()) {
            box.getChildren().add(FieldViews.build(vm, i18n, f, f.id()));
        }
        return box;
    }

    /** The list shown after a "Tiếp tục" that found problems: one tappable line each. */
    private Node problems() {
        Label heading = problemsHeading;
        heading.setId("form-problems-heading");
        heading.getStyleClass().add("error-text");
        heading.setWrapText(true);
        VBox lines = new VBox();
        lines.setId("form-problems-list");
        lines.getStyleClass().add("problem-lines");
        Runnable fill = () -> {
            lines.getChildren().clear();
            for (var e : List.copyOf(vm.problems())) {
                Button b = new Button();
                b.getStyleClass().add("problem-line");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setWrapText(true);
                b.setAlignment(Pos.CENTER_LEFT);
                b.textProperty().bind(Bindings.createStringBinding(() -> {
                    vm.language().getValue();
                    return i18n.messages().get("form.problem", where(e.path()),
                            i18n.messages().get(e.messageKey(), e.args().toArray()));
                }, vm.language()));
                b.setOnAction(x -> vm.focus(e.path()));
                lines.getChildren().add(b);
            }
        };
        vm.problems().addListener((ListChangeListener<Object>) c -> fill.run());
        ScrollPane list = new ScrollPane(lines);
        list.setId("form-problems-scroll");
        list.setFitToWidth(true);
        list.getStyleClass().addAll("plain-scroll", "problem-scroll");
        // With the keyboard open on a landscape screen the list would leave no room for the field
        // itself. In ems, as the text grows: the shell leaves the form 27em at 1280×800 and 25em
        // at 1366×768 without the keyboard, about 11em with it.
        list.visibleProperty().bind(roomy);
        list.managedProperty().bind(list.visibleProperty());
        heading.textProperty().bind(Bindings.createStringBinding(() -> i18n.messages().get(
                list.isVisible() ? "form.problems" : "form.problems.keyboard", vm.problems().size()),
                vm.problems(), list.visibleProperty(), i18n.messagesProperty()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(heading, list);
        box.setId("form-problems");
        box.getStyleClass().add("form-problems");
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** "Họ và tên", or "Quá trình cư trú, dòng 2: Từ ngày" for a row's column. */
    private String where(String path) {
        var lang = vm.language().getValue();
        var ref = vn.motcua.kiosk.form.Answers.rowRef(path);
        if (ref != null) {
            String group = vm.form().field(ref.group()).map(f -> f.label().in(lang)).orElse(ref.group());
            String column = vm.form().field(ref.group() + "." + ref.column()).map(f -> f.label().in(lang))
                    .orElse(ref.column());
            return i18n.messages().get("form.problem.row", group, ref.row() + 1, column);
        }
        Field f = vm.fieldAt(path);
        if (f == null) { // an address part
            int dot = path.lastIndexOf('.');
            Field address = vm.fieldAt(path.substring(0, dot));
            String part = i18n.messages().get("form.address." + path.substring(dot + 1));
            return address == null ? path : address.label().in(lang) + " — " + part;
        }
        return f.label().in(lang);
    }

    private void focusPath(String path, boolean focus) {
        Node content = scroll.getContent();
        Node target = find(content, path);
        if (target == null) {
            return;
        }
        if (focus) {
            target.requestFocus();
        }
        reveal(target, false);
    }

    private static Node find(Node n, String path) {
        if (path.equals(n.getProperties().get(FieldViews.PATH))) {
            return n;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node hit = find(c, path);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }

    /**
     * Keeps the focused field in sight: when it gets the focus, and when the on-screen keyboard
     * opens under it and the scroll pane shrinks. After the pulse's layout, so sizes are final.
     */
    private void followFocus(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.focusOwnerProperty().addListener((obs, was, is) -> revealFocused());
        scroll.viewportBoundsProperty().addListener((obs, was, is) -> {
            if (was.getHeight() != is.getHeight()) {
                revealFocused(true); // the keyboard came or went: the neighbours in sight change
            }
        });
    }

    private void revealFocused() {
        revealFocused(false);
    }

    private void revealFocused(boolean again) {
        javafx.application.Platform.runLater(() -> {
            Node focus = getScene() == null ? null : getScene().getFocusOwner();
            // Only where the citizen types: a choice button takes the focus on the press, and
            // scrolling then would move it from under the finger before the release.
            if (focus instanceof javafx.scene.control.TextInputControl && isInside(focus, scroll.getContent())) {
                reveal(focus, again);
            }
        });
    }

    /**
     * Scrolls so the focused input's whole field is in sight — label, hint, input and message,
     * plus the commune matches under it — when it is not already, or {@code again} when the room
     * changed; of the places where it fits, the one that shows the most other fields whole, so
     * the citizen sees where they are.
     */
    private void reveal(Node node, boolean again) {
        Node content = scroll.getContent();
        // The whole screen, not only the section: the list of problems just shown takes height
        // from the scroll pane, and the sums below need the viewport it leaves.
        applyCss();
        layout();
        double viewport = scroll.getViewportBounds().getHeight();
        Bounds input = boundsIn(content, node);
        if (node.getProperties().get(FieldViews.REVEAL_WITH) instanceof Node extra && extra.isVisible()) {
            input = union(input, boundsIn(content, extra));
        }
        Node box = fieldBox(node, content);
        Bounds wanted = input;
        if (box != null) {
            Bounds whole = union(input, boundsIn(content, box));
            if (whole != null && whole.getHeight() <= viewport) {
                wanted = whole;
            }
        }
        double contentHeight = content.getLayoutBounds().getHeight(); // what the scroll pane scrolls, glow aside
        if (wanted == null || contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (!again && wanted.getMinY() >= top && wanted.getMaxY() <= top + viewport) {
            return; // in sight already: the screen keeps still under the citizen's finger
        }
        List<Bounds> others = new ArrayList<>();
        for (Node other : content.lookupAll(".form-field")) {
            if (other != box && other.isVisible() && !isInside(box == null ? node : box, other)) {
                others.add(boundsIn(content, other));
            }
        }
        double to = ScrollPlace.best(wanted.getMinY(), wanted.getMaxY(),
                others.stream().map(o -> new double[] {o.getMinY(), o.getMaxY()}).toList(),
                viewport, contentHeight);
        scroll.setVvalue(Math.max(0, Math.min(1, to / (contentHeight - viewport))));
    }

    /** The field around an input: the nearest box with its label and message (a row's column in a group). */
    private static Node fieldBox(Node node, Node content) {
        for (Node p = node; p != null && p != content; p = p.getParent()) {
            if (p.getStyleClass().contains("form-field")) {
                return p;
            }
        }
        return null;
    }

    private static Bounds boundsIn(Node content, Node node) {
        return content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    }

    private static Bounds union(Bounds a, Bounds b) {
        if (a == null || b == null || b.getHeight() <= 0) {
            return a;
        }
        double minY = Math.min(a.getMinY(), b.getMinY());
        return new javafx.geometry.BoundingBox(a.getMinX(), minY, a.getWidth(), Math.max(a.getMaxY(), b.getMaxY()) - minY);
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
