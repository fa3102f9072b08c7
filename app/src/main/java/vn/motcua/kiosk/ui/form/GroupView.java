package vn.motcua.kiosk.ui.form;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.ui.I18n;

/**
 * A repeating group (LLTP residence history) as one card per row with "Xóa dòng", and "Thêm
 * dòng" under the last. The rows are rebuilt from the answers whenever their number changes,
 * so after a removal the later rows show their moved-up values.
 */
final class GroupView {
    private GroupView() {}

    static Node build(FormViewModel vm, I18n i18n, Field group) {
        String gid = group.id();
        VBox rows = new VBox();
        rows.setId("rows-" + FieldViews.id(gid));
        rows.getStyleClass().add("group-rows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            int n = vm.rowCountProperty(gid).get();
            for (int r = 0; r < n; r++) {
                rows.getChildren().add(row(vm, i18n, group, r, n));
            }
        };
        vm.rowCountProperty(gid).addListener((obs, was, is) -> fill.run());
        fill.run();

        Button add = new Button();
        add.setId("add-row-" + FieldViews.id(gid));
        add.textProperty().bind(i18n.text("form.row.add"));
        add.getStyleClass().add("add-row");
        add.disableProperty().bind(vm.rowCountProperty(gid).greaterThanOrEqualTo(group.maxRowCount()));
        add.setOnAction(e -> vm.addRow(gid));

        Label title = FieldViews.caption(vm, group);
        title.setId("label-" + FieldViews.id(gid));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(title);
        if (group.hint() != null) {
            Label hint = new Label();
            hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> group.hint().in(vm.language().getValue()), vm.language()));
            hint.getStyleClass().add("field-hint");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        if (group.sinceAge() != null) {
            // "Ở địa chỉ thường trú này từ năm 14 tuổi đến nay": row 1 from what the card gave, one touch.
            Button since = new Button();
            since.setId("since-age-" + FieldViews.id(gid));
            since.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> group.sinceAge().label().in(vm.language().getValue()), vm.language()));
            since.getStyleClass().addAll("choice", "since-age");
            since.setWrapText(true);
            since.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> !vm.canFillSinceAge(group), vm.revisionProperty()));
            since.setOnAction(e -> {
                vm.fillSinceAge(group);
                fill.run(); // the rows show the values just written
            });
            box.getChildren().add(since);
        }
        Label error = FieldViews.error(vm, i18n, gid);
        box.getChildren().addAll(rows, add, error);
        box.setId("box-" + FieldViews.id(gid));
        box.getStyleClass().addAll("form-field", "form-group");
        box.getProperties().put(FieldViews.PATH, gid);
        box.visibleProperty().bind(vm.shownProperty(gid));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node row(FormViewModel vm, I18n i18n, Field group, int r, int count) {
        Label number = new Label();
        number.textProperty().bind(i18n.text("form.row", r + 1));
        number.getStyleClass().add("row-number");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button remove = new Button();
        remove.setId("remove-row-" + FieldViews.id(group.id()) + "-" + r);
        remove.textProperty().bind(i18n.text("form.row.remove"));
        remove.getStyleClass().add("danger");
        remove.setDisable(count <= group.minRowCount());
        remove.setOnAction(e -> vm.removeRow(group.id(), r));
        HBox head = new HBox(number, gap, remove);
        head.setAlignment(Pos.CENTER_LEFT);

        FlowPane columns = new FlowPane();
        columns.getStyleClass().add("row-columns");
        for (Field c : group.columns()) {
            columns.getChildren().add(FieldViews.build(vm, i18n, c, Answers.rowPath(group.id(), r, c.id())));
        }
        VBox card = new VBox(head, columns);
        card.setId("row-" + FieldViews.id(group.id()) + "-" + r);
        card.getStyleClass().add("group-row");
        return card;
    }
}
