package vn.motcua.kiosk.ui.procedure;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.calendar.DueDate;
import vn.motcua.kiosk.catalogue.Area;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.fees.FeeQuote;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.ui.I18n;

/** Procedure cards under a search field and area chips; a tap on a card chooses it. */
public final class ProcedureView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ProcedureView(ProcedureViewModel vm, I18n i18n) {
        setId("procedures");
        getStyleClass().add("procedures");

        Label title = new Label();
        title.textProperty().bind(i18n.text("procedure.title"));
        title.getStyleClass().add("screen-title");

        TextField search = new TextField();
        search.setId("procedure-search");
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.promptTextProperty().bind(i18n.text("procedure.search"));
        search.getStyleClass().add("search-field");

        FlowPane areas = new FlowPane();
        areas.getStyleClass().add("chips");
        ToggleGroup group = new ToggleGroup();
        ToggleButton all = chip(i18n.text("procedure.allAreas"), "area-all", group);
        all.setSelected(true);
        all.setOnAction(e -> vm.areaProperty().set(null));
        areas.getChildren().add(all);
        for (Area a : vm.areas()) {
            ToggleButton chip = chip(text(i18n, () -> a.name().in(language(i18n))), "area-" + a.id(), group);
            chip.setOnAction(e -> vm.areaProperty().set(chip.isSelected() ? a : null));
            areas.getChildren().add(chip);
        }

        VBox cards = new VBox();
        cards.setId("procedure-cards");
        cards.getStyleClass().add("cards");
        Label none = new Label();
        none.setId("procedure-none");
        none.textProperty().bind(i18n.text("procedure.none"));
        none.visibleProperty().bind(Bindings.isEmpty(vm.shown()));
        none.managedProperty().bind(none.visibleProperty());
        Runnable fill = () -> cards.getChildren().setAll(vm.shown().stream().map(p -> card(vm, i18n, p)).toList());
        vm.shown().addListener((ListChangeListener<Procedure>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(new VBox(none, cards));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        getChildren().addAll(title, search, areas, scroll);
    }

    private static ToggleButton chip(StringBinding text, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(text);
        b.setToggleGroup(group);
        b.getStyleClass().add("chip");
        return b;
    }

    /**
     * A card is a box that acts as a button: wrapped lines inside a Button's graphic get no width
     * to wrap to, which made the cards thousands of pixels tall.
     */
    private static VBox card(ProcedureViewModel vm, I18n i18n, Procedure p) {
        Label name = new Label();
        name.textProperty().bind(text(i18n, () -> p.name().in(language(i18n))));
        name.getStyleClass().add("card-title");
        name.setWrapText(true);
        Label facts = new Label();
        facts.textProperty().bind(text(i18n, () -> facts(i18n.messages(), vm, p)));
        facts.setWrapText(true);
        facts.getStyleClass().add("card-facts");
        Label papers = new Label();
        papers.textProperty().bind(text(i18n, () -> i18n.messages().get("procedure.papers",
                vm.papers(p).stream().map(d -> d.name().in(language(i18n))).collect(Collectors.joining("; ")))));
        papers.setWrapText(true);
        papers.getStyleClass().add("card-papers");
        VBox card = new VBox(name, facts, papers);
        card.setId("procedure-" + p.id());
        card.getStyleClass().add("procedure-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setFocusTraversable(true);
        card.setAccessibleRole(AccessibleRole.BUTTON);
        card.setOnMouseClicked(e -> vm.choose(p));
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.choose(p);
            }
        });
        return card;
    }

    private static String facts(Messages m, ProcedureViewModel vm, Procedure p) {
        FeeQuote fee = vm.fee(p);
        String feeText = fee.free() ? m.get("procedure.free")
                : m.get("procedure.fee", NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(fee.total()));
        DueDate due = vm.due(p);
        String dueText = due.known() ? m.get("procedure.due", due.date().format(DAY)) : m.get("duedate.unknown");
        return m.get(p.level().messageKey()) + " · " + feeText + " · " + dueText;
    }

    private static Language language(I18n i18n) {
        return i18n.language().getValue();
    }

    /** A text that follows the language switch. */
    private static StringBinding text(I18n i18n, java.util.function.Supplier<String> words) {
        return Bindings.createStringBinding(words::get, i18n.messagesProperty());
    }
}
