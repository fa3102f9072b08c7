package vn.motcua.kiosk.ui.signing;

import java.util.Date;
import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.PinPad;

/**
 * "Xem lại và ký số": the papers as the portal will get them, then — when the procedure needs a
 * signature — the certificate to sign with, the PIN pad and "Ký số". Two columns in landscape.
 */
public final class ReviewView extends HBox {

    public ReviewView(ReviewViewModel vm, I18n i18n, boolean shuffledPinPad, Runnable onContinue) {
        setId("review");
        getStyleClass().add("review");

        Label title = new Label();
        title.textProperty().bind(i18n.text("signing.review.title"));
        title.getStyleClass().add("screen-title");
        VBox papers = new VBox();
        papers.setId("review-papers");
        papers.getStyleClass().add("paper-list");
        Runnable fill = () -> {
            papers.getChildren().clear();
            for (ReviewViewModel.Row row : vm.rows()) {
                papers.getChildren().add(paper(row, i18n));
            }
        };
        vm.rows().addListener((ListChangeListener<ReviewViewModel.Row>) c -> fill.run());
        fill.run();
        ScrollPane scroll = new ScrollPane(papers);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox summary = new VBox();
        summary.setId("review-summary");
        summary.getStyleClass().add("review-summary");
        Runnable lines = () -> summary.getChildren().setAll(vm.summary().stream().map(t -> {
            Label l = new Label(t);
            l.setWrapText(true);
            return l;
        }).toList());
        vm.summary().addListener((ListChangeListener<String>) c -> lines.run());
        lines.run();
        VBox left = new VBox(title, summary, scroll);
        left.getStyleClass().add("review-left");
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = signing(vm, i18n, shuffledPinPad);
        Button next = new Button();
        next.setId("review-continue");
        next.textProperty().bind(i18n.text("consent.continue"));
        next.getStyleClass().add("primary");
        // On once every paper is signed, or at once when the procedure needs no signature.
        next.disableProperty().bind(vm.needsSignatureProperty().and(vm.signatureRequiredProperty())
                .and(vm.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.SIGNED)));
        next.setOnAction(e -> onContinue.run());
        // A token with several certificates makes the signing card taller than a 800-pixel screen:
        // it scrolls, and "Tiếp tục" stays in sight under it.
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.getStyleClass().add("plain-scroll");
        rightScroll.setMinWidth(Region.USE_PREF_SIZE);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(rightScroll, Priority.ALWAYS);
        VBox side = new VBox(rightScroll, next);
        side.getStyleClass().add("review-side");
        side.setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(left, side);
    }

    private static VBox paper(ReviewViewModel.Row row, I18n i18n) {
        Label name = new Label(row.name());
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        Label facts = new Label();
        facts.textProperty().bind(i18n.text("signing.review.paper", row.pages(), Math.max(1, row.bytes() / 1024)));
        Label status = new Label();
        status.textProperty().bind(words(i18n, row.status()));
        status.getStyleClass().add(row.status().key().equals("signing.verify.signed") ? "status-ok"
                : row.status().key().equals("signing.verify.altered") ? "error-text" : "status-pending");
        VBox box = new VBox(name, facts, status);
        box.getStyleClass().add("paper");
        return box;
    }

    private static VBox signing(ReviewViewModel vm, I18n i18n, boolean shuffled) {
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("signing.review.signHeading"));
        heading.getStyleClass().add("section-title");

        Label noToken = new Label();
        noToken.setId("review-no-token");
        noToken.textProperty().bind(i18n.text("signing.review.plugIn"));
        noToken.setWrapText(true);
        noToken.visibleProperty().bind(Bindings.isEmpty(vm.choices()));
        noToken.managedProperty().bind(noToken.visibleProperty());

        VBox certificates = new VBox();
        certificates.setId("review-certificates");
        certificates.getStyleClass().add("certificate-list");
        ToggleGroup group = new ToggleGroup();
        Runnable fill = () -> {
            certificates.getChildren().clear();
            group.getToggles().clear();
            for (ReviewViewModel.Choice choice : vm.choices()) {
                ToggleButton b = new ToggleButton();
                b.setId("review-cert-" + vm.choices().indexOf(choice));
                b.textProperty().bind(i18n.text("signing.review.certificate", choice.certificate().holderName(),
                        choice.certificate().issuerName(), Date.from(choice.certificate().notAfter())));
                b.setWrapText(true);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setToggleGroup(group);
                b.setSelected(choice.equals(vm.chosenProperty().get()));
                b.setOnAction(e -> vm.chosenProperty().set(b.isSelected() ? choice : null));
                certificates.getChildren().add(b);
            }
        };
        vm.choices().addListener((ListChangeListener<ReviewViewModel.Choice>) c -> fill.run());
        vm.chosenProperty().addListener((obs, was, is) -> fill.run());
        fill.run();

        Label prompt = new Label();
        prompt.textProperty().bind(i18n.text("signing.review.pin"));
        Label mask = new Label();
        mask.setId("review-pin-mask");
        mask.textProperty().bind(vm.pin().maskProperty());
        mask.getStyleClass().add("pin-mask");
        PinPad pad = new PinPad(vm.pin(), i18n, "review-", shuffled, new Random());

        Button sign = new Button();
        sign.setId("review-sign");
        sign.textProperty().bind(i18n.text("signing.review.sign"));
        sign.getStyleClass().add("primary");
        sign.disableProperty().bind(vm.phaseProperty().isNotEqualTo(ReviewViewModel.Phase.READY));
        sign.setOnAction(e -> vm.sign());
        ProgressBar progress = new ProgressBar();
        progress.setId("review-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(vm.phaseProperty().isEqualTo(ReviewViewModel.Phase.SIGNING));

        Label feedback = new Label();
        feedback.setId("review-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            ReviewViewModel.Words w = vm.feedbackProperty().get();
            return w == null ? "" : say(i18n.messages(), w);
        }, vm.feedbackProperty(), i18n.messagesProperty()));
        feedback.getStyleClass().add("error-text");
        vm.phaseProperty().addListener((obs, was, is) -> {
            feedback.getStyleClass().removeAll("error-text", "status-ok");
            feedback.getStyleClass().add(is == ReviewViewModel.Phase.SIGNED ? "status-ok" : "error-text");
        });

        VBox withToken = new VBox(certificates, prompt, mask, pad, sign, progress);
        withToken.getStyleClass().add("review-signing");
        withToken.visibleProperty().bind(Bindings.isNotEmpty(vm.choices()));
        withToken.managedProperty().bind(withToken.visibleProperty());

        Label notNeeded = new Label();
        notNeeded.setId("review-not-needed");
        notNeeded.textProperty().bind(i18n.text("signing.review.notNeeded"));
        notNeeded.setWrapText(true);

        VBox needed = new VBox(heading, noToken, withToken, feedback);
        needed.getStyleClass().add("review-signing");
        needed.visibleProperty().bind(vm.needsSignatureProperty());
        needed.managedProperty().bind(needed.visibleProperty());
        notNeeded.visibleProperty().bind(vm.needsSignatureProperty().not());
        notNeeded.managedProperty().bind(notNeeded.visibleProperty());

        VBox right = new VBox(needed, notNeeded);
        right.getStyleClass().addAll("card", "review-right");
        right.setAlignment(Pos.TOP_CENTER);
        right.setMinWidth(USE_PREF_SIZE);
        return right;
    }

    private static javafx.beans.binding.StringBinding words(I18n i18n, ReviewViewModel.Words w) {
        return Bindings.createStringBinding(() -> say(i18n.messages(), w), i18n.messagesProperty());
    }

    private static String say(Messages m, ReviewViewModel.Words w) {
        return m.get(w.key(), w.args().toArray());
    }
}
