// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.form;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.catalogue.Office;
import vn.motcua.kiosk.catalogue.ReceivingOffices;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.ui.I18n;

/**
 * "Nơi nhận hồ sơ": the office chosen now (the kiosk's own by default), and to choose another
 * that receives this procedure (non-territorial filing): its province, then a few letters of its
 * name without accents ("tu phap ca mau"). Office names are proper names, shown in Vietnamese.
 */
final class AgencyInput {
    private static final int MATCHES = 5;

    private AgencyInput() {}

    static Node build(FormViewModel vm, I18n i18n, String path) {
        ReceivingOffices receiving = vm.receiving();
        Label chosen = new Label();
        chosen.setId("field-" + FieldViews.id(path) + "-chosen");
        chosen.getStyleClass().add("section-title");
        chosen.setWrapText(true);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> chosenText(vm, i18n, path),
                vm.revisionProperty(), i18n.messagesProperty()));
        if (receiving == null) {
            return new VBox(chosen);
        }

        ComboBox<Province> province = new ComboBox<>();
        province.setId("field-" + FieldViews.id(path) + "-province");
        province.getItems().setAll(receiving.provinces().stream()
                .map(code -> vm.places().province(code)).flatMap(java.util.Optional::stream).toList());
        province.setVisibleRowCount(8);
        province.setCellFactory(l -> new ProvinceCell());
        province.setButtonCell(new ProvinceCell());
        province.promptTextProperty().bind(i18n.text("form.agency.choose-province"));
        province.getStyleClass().addAll("form-input", "province-picker");

        TextField search = new TextField();
        search.setId("field-" + FieldViews.id(path) + "-search");
        search.promptTextProperty().bind(i18n.text("form.agency.search-prompt"));
        search.getStyleClass().add("form-input");
        search.disableProperty().bind(province.valueProperty().isNull());
        VBox matches = new VBox();
        matches.setId("matches-" + FieldViews.id(path));
        matches.getStyleClass().add("commune-matches");
        search.getProperties().put(FieldViews.REVEAL_WITH, matches);

        Runnable find = () -> {
            matches.getChildren().clear();
            Province p = province.getValue();
            if (p == null) {
                return;
            }
            List<Office> found = receiving.search(p.code(), search.getText(), MATCHES);
            if (found.isEmpty()) {
                matches.getChildren().add(FieldViews.words(i18n, "form.agency.no-match"));
            }
            for (Office o : found) {
                Button b = new Button(o.name().vi());
                b.setId("office-" + FieldViews.id(o.code()));
                b.getStyleClass().add("commune-match");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> {
                    vm.set(path, o.code());
                    vm.leave(path);
                    search.setText("");
                    province.setValue(null);
                });
                matches.getChildren().add(b);
            }
        };
        search.textProperty().addListener((obs, was, is) -> find.run());
        province.valueProperty().addListener((obs, was, is) -> find.run());

        Button own = new Button();
        own.setId("field-" + FieldViews.id(path) + "-own");
        own.textProperty().bind(i18n.text("form.agency.own"));
        own.visibleProperty().bind(Bindings.createBooleanBinding(() -> receiving.defaultCode() != null
                && !receiving.defaultCode().equals(vm.value(path)), vm.revisionProperty()));
        own.managedProperty().bind(own.visibleProperty());
        own.setOnAction(e -> {
            vm.set(path, receiving.defaultCode());
            vm.leave(path);
        });

        VBox box = new VBox(chosen, own, FieldViews.words(i18n, "form.agency.other"), province, search, matches);
        box.getStyleClass().add("address-input");
        return box;
    }

    private static String chosenText(FormViewModel vm, I18n i18n, String path) {
        String code = vm.value(path);
        ReceivingOffices receiving = vm.receiving();
        if (code == null || code.isBlank()) {
            return i18n.messages().get("form.agency.local"); // the portal's list is not known yet
        }
        String name = receiving == null ? code : receiving.office(code).map(o -> o.name().vi()).orElse(code);
        boolean own = receiving != null && code.equals(receiving.defaultCode());
        return i18n.messages().get(own ? "form.agency.chosenOwn" : "form.agency.chosen", name);
    }

    private static final class ProvinceCell extends ListCell<Province> {
        @Override
        protected void updateItem(Province p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.fullName());
        }
    }
}
