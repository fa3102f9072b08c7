// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.fee.FeeView;

/** "Đã nhận lệ phí 200.000 đ lúc 10:42": a fee the bank confirmed, told to staff across the top; a tap hides it. */
public final class FeeArrivedNotice extends Button {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public FeeArrivedNotice(FeeArrivalsViewModel vm, I18n i18n) {
        setId("fee-arrived");
        getStyleClass().add("fee-arrived");
        setMaxWidth(Double.MAX_VALUE);
        textProperty().bind(Bindings.createStringBinding(() -> vm.announcedProperty().get() == null ? ""
                : i18n.messages().get("staff.feeArrived", FeeView.vnd(vm.announcedProperty().get().amount()),
                        HHMM.format(vm.announcedProperty().get().at())), vm.announcedProperty(), i18n.messagesProperty()));
        visibleProperty().bind(vm.announcedProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        setOnAction(e -> vm.dismiss());
    }
}
