package vn.motcua.kiosk.ui.form;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.places.Commune;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.ui.I18n;

/**
 * An address since July 2025: the province from a list of 34, the commune found by typing a few
 * letters of its name without accents ("ba dinh" → Phường Ba Đình) among that province's
 * communes only, and a free line for house number and street. Place names are shown in
 * Vietnamese in both languages: they are proper names and the form is filed in Vietnamese.
 */
final class AddressInput {
    /** Matches shown under the commune box: enough to pick from, few enough to fit above the keyboard. */
    private static final int MATCHES = 5;

    private AddressInput() {}

    static Node build(FormViewModel vm, I18n i18n, String path) {
        String provincePath = path + "." + Answers.PROVINCE;
        String communePath = path + "." + Answers.COMMUNE;
        String streetPath = path + "." + Answers.STREET;

        ComboBox<Province> province = new ComboBox<>();
        province.setId("field-" + FieldViews.id(provincePath));
        province.getProperties().put(FieldViews.PATH, provincePath);
        province.getItems().setAll(vm.places().provinces());
        province.setVisibleRowCount(8);
        province.setCellFactory(l -> new ProvinceCell());
        province.setButtonCell(new ProvinceCell());
        province.promptTextProperty().bind(i18n.text("form.address.choose-province"));
        province.getStyleClass().addAll("form-input", "province-picker");
        vm.places().province(vm.value(provincePath)).ifPresent(province::setValue);

        TextField commune = new TextField(vm.places().commune(vm.value(communePath)).map(Commune::fullName).orElse(""));
        commune.setId("field-" + FieldViews.id(communePath));
        commune.getProperties().put(FieldViews.PATH, communePath);
        commune.promptTextProperty().bind(i18n.text("form.address.commune-prompt"));
        commune.getStyleClass().add("form-input");
        commune.disableProperty().bind(province.valueProperty().isNull());
        VBox matches = new VBox();
        matches.setId("matches-" + FieldViews.id(communePath));
        matches.getStyleClass().add("commune-matches");
        commune.getProperties().put(FieldViews.REVEAL_WITH, matches);

        Runnable search = () -> {
            matches.getChildren().clear();
            Province p = province.getValue();
            String chosen = vm.places().commune(vm.value(communePath)).map(Commune::fullName).orElse("");
            String typed = commune.getText() == null ? "" : commune.getText().strip();
            if (p == null || typed.isEmpty() || typed.equals(chosen)) {
                return;
            }
            List<Commune> found = vm.places().searchCommunes(p.code(), typed, MATCHES);
            if (found.isEmpty()) {
                matches.getChildren().add(FieldViews.words(i18n, "form.address.no-match"));
            }
            for (Commune c : found) {
                Button b = new Button(c.fullName());
                b.setId("commune-" + c.code());
                b.getStyleClass().add("commune-match");
                b.setMaxWidth(Double.MAX_VALUE);
                b.setOnAction(e -> {
                    vm.set(communePath, c.code());
                    commune.setText(c.fullName());
                    vm.leave(communePath);
                });
                matches.getChildren().add(b);
            }
        };
        commune.textProperty().addListener((obs, was, is) -> {
            String chosen = vm.places().commune(vm.value(communePath)).map(Commune::fullName).orElse("");
            if (!is.strip().equals(chosen) && !vm.value(communePath).isEmpty()) {
                vm.set(communePath, null); // the name no longer matches what was picked
            }
            search.run();
        });
        province.valueProperty().addListener((obs, was, is) -> {
            vm.set(provincePath, is == null ? null : is.code());
            vm.leave(provincePath);
            if (is != null && !vm.places().isCommuneOf(is.code(), vm.value(communePath))) {
                vm.set(communePath, null);
                commune.setText("");
            }
            search.run();
        });

        TextField street = FieldViews.text(vm, FieldType.text, streetPath);
        street.promptTextProperty().bind(i18n.text("form.address.street-prompt"));

        VBox box = new VBox(
                FieldViews.words(i18n, "form.address.province"), province, FieldViews.error(vm, i18n, provincePath),
                FieldViews.words(i18n, "form.address.commune"), commune, matches,
                FieldViews.error(vm, i18n, communePath),
                FieldViews.words(i18n, "form.address.street"), street, FieldViews.error(vm, i18n, streetPath));
        box.getStyleClass().add("address-input");
        return box;
    }

    private static final class ProvinceCell extends ListCell<Province> {
        @Override
        protected void updateItem(Province p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.fullName());
        }
    }
}
