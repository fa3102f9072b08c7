// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.kiosk.receipt.Receipt.Applicant;
import vn.motcua.kiosk.receipt.Receipt.Delivery;
import vn.motcua.kiosk.receipt.Receipt.Fee;
import vn.motcua.kiosk.receipt.Receipt.FeeStatus;
import vn.motcua.kiosk.receipt.Receipt.ReceivedDocument;
import vn.motcua.kiosk.receipt.Receipt.ResultChannel;

/** Made-up dossiers for tests, benchmarks and screenshots (no real person). */
public final class Receipts {
    public static final String CODE = "000.00.14.H56-240715-0012";
    public static final String URL = "https://dichvucong.khanhhoa.gov.vn/tra-cuu?ma=" + CODE;
    /** Decomposed on purpose: the renderer must put the accents back together (NFC). */
    public static final String NAME_NFD = Normalizer.normalize("Nguyễn Thị Hồng Nhung", Normalizer.Form.NFD);

    private Receipts() {}

    public static Receipt filed(boolean training) {
        return new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", "0012/TN-STP", CODE, null,
                new Applicant(NAME_NFD, "056190001234", "12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa",
                        "0905123456", "nhung@example.vn"),
                "Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam",
                List.of(new ReceivedDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0),
                        new ReceivedDocument("Bản chụp Căn cước công dân", 0, 1),
                        new ReceivedDocument("Giấy tờ chứng minh nơi cư trú", 0, 1)),
                10, new Fee(200_000, FeeStatus.PAID_ONLINE),
                LocalDateTime.of(2024, 7, 15, 10, 5), LocalDateTime.of(2024, 7, 29, 16, 0),
                new Delivery(ResultChannel.COUNTER, null), URL, "Kiosk TAP-HUAN-01", training);
    }

    public static Receipt queued() {
        return new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", "0013/TN-STP", null, "KIOSK-7F3K-92QD",
                new Applicant("Trần Văn Đức", "056088004321", null, "0912000111", null),
                "Đăng ký khai sinh", List.of(new ReceivedDocument("Giấy chứng sinh", 1, 0)),
                3, new Fee(0, FeeStatus.NONE), LocalDateTime.of(2024, 7, 15, 14, 30), null,
                new Delivery(ResultChannel.POST, "12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa"), null,
                "Kiosk TAP-HUAN-01", false);
    }
}
