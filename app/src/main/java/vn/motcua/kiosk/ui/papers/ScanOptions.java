// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.papers;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.ui.I18n;

/**
 * How the next "Quét" takes the paper: "Mặt kính" or "Khay nạp giấy", "Hai mặt", colour. The
 * feeder and duplex choices appear only when the scanner offers them (most flatbeds do not), so a
 * citizen never meets a button that cannot work.
 */
final class ScanOptions {
    private ScanOptions() {}

    static Node create(PapersViewModel vm, I18n i18n) {
        BooleanBinding hasFeeder = Bindings.createBooleanBinding(() -> vm.offers(PaperSource.FEEDER), vm.capabilitiesProperty());
        BooleanBinding hasDuplex = Bindings.createBooleanBinding(() -> vm.offers(PaperSource.FEEDER_DUPLEX),
                vm.capabilitiesProperty());

        ToggleGroup source = new ToggleGroup();
        ToggleButton glass = toggle(i18n, "papers.source.glass", "papers-glass", source);
        ToggleButton feeder = toggle(i18n, "papers.source.feeder", "papers-feeder", source);
        glass.setSelected(!vm.feederProperty().get());
        feeder.setSelected(vm.feederProperty().get());
        // A toggle group lets the selected button be pressed off: one of the two always stays chosen.
        source.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                was.setSelected(true);
            } else {
                vm.feederProperty().set(is == feeder);
            }
        });
        vm.feederProperty().addListener((obs, was, is) -> (is ? feeder : glass).setSelected(true));
        for (ToggleButton b : new ToggleButton[] {glass, feeder}) {
            b.visibleProperty().bind(hasFeeder);
            b.managedProperty().bind(hasFeeder);
        }

        CheckBox duplex = new CheckBox();
        duplex.setId("papers-duplex");
        duplex.textProperty().bind(i18n.text("papers.duplex"));
        duplex.selectedProperty().bindBidirectional(vm.duplexProperty());
        duplex.visibleProperty().bind(hasDuplex.and(vm.feederProperty()));
        duplex.managedProperty().bind(duplex.visibleProperty());

        CheckBox colour = new CheckBox();
        colour.setId("papers-colour");
        colour.textProperty().bind(i18n.text("papers.colour"));
        colour.selectedProperty().bindBidirectional(vm.colourProperty());

        FlowPane bar = new FlowPane(glass, feeder, duplex, colour);
        bar.setId("papers-options");
        bar.getStyleClass().add("scan-options");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Node n : bar.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private static ToggleButton toggle(I18n i18n, String key, String id, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setToggleGroup(group);
        b.getStyleClass().add("choice");
        return b;
    }
}
