// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.kiosk.receipt.ExternalTools.pdfText;
import static vn.motcua.kiosk.receipt.ExternalTools.qrCodes;
import static vn.motcua.kiosk.receipt.ExternalTools.rasterise;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The receipt as the independent tools read it: pdftotext for the words, pdftoppm + zbarimg for the QR. */
class ReceiptRendererTest {
    private static final float MM = 72f / 25.4f;
    private final ReceiptRenderer renderer = new ReceiptRenderer();

    @TempDir
    Path dir;

    private Path write(Receipt r, ReceiptLayout layout) throws Exception {
        Path pdf = dir.resolve(layout + (r.training() ? "-training" : "") + (r.queued() ? "-queued" : "") + ".pdf");
        Files.write(pdf, renderer.render(r, layout));
        return pdf;
    }

    @ParameterizedTest
    @EnumSource(ReceiptLayout.class)
    void carriesTheFieldsOfTheFormWithVietnameseIntact(ReceiptLayout layout) throws Exception {
        String text = pdfText(write(Receipts.filed(false), layout));

        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SỞ TƯ PHÁP TỈNH KHÁNH HÒA", "Số: 0012/TN-STP", "Mã hồ sơ:", Receipts.CODE,
                // The name was given decomposed (NFD): the PDF must carry the composed letters.
                "Nguyễn Thị Hồng Nhung", "056190001234", "0905123456", "nhung@example.vn",
                "Cấp Phiếu lý lịch tư pháp số 1", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp",
                "bản chính: 1, bản sao: 0", "Giấy tờ chứng minh nơi cư trú", "10 ngày làm việc",
                "10 giờ 05 phút, ngày 15/07/2024", "16 giờ 00 phút, ngày 29/07/2024",
                "200.000 đồng (đã thanh toán trực tuyến)", "Nhận kết quả trực tiếp tại: Bộ phận Một cửa",
                "Người tiếp nhận: Kiosk TAP-HUAN-01", "Quét mã QR");
        assertThat(text).doesNotContain("TẬP HUẤN");
    }

    @ParameterizedTest
    @EnumSource(ReceiptLayout.class)
    void qrCodeDecodesToTheTrackingLink(ReceiptLayout layout) throws Exception {
        Path png = rasterise(write(Receipts.filed(true), layout), 150);

        assertThat(qrCodes(png)).containsExactly(Receipts.URL);
    }

    @ParameterizedTest
    @EnumSource(ReceiptLayout.class)
    void queuedDossierShowsTheLocalReferenceAndWaitingState(ReceiptLayout layout) throws Exception {
        Path pdf = write(Receipts.queued(), layout);

        assertThat(pdfText(pdf)).contains("Mã tham chiếu tại kiosk:", "KIOSK-7F3K-92QD", "ĐANG CHỜ GỬI",
                "Trần Văn Đức", "Đăng ký khai sinh", "sẽ thông báo khi hồ sơ được gửi", "Phí, lệ phí: không thu",
                "Nhận kết quả qua dịch vụ bưu chính").doesNotContain("Mã hồ sơ:");
        assertThat(qrCodes(rasterise(pdf, 150))).containsExactly("KIOSK-7F3K-92QD");
    }

    @ParameterizedTest
    @EnumSource(ReceiptLayout.class)
    void trainingReceiptCarriesAVisibleWatermark(ReceiptLayout layout) throws Exception {
        Path training = write(Receipts.filed(true), layout);
        Path real = write(Receipts.filed(false), layout);

        assertThat(pdfText(training)).contains("TẬP HUẤN", "BẢN TẬP HUẤN — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
        // Visible: a good share of the page is the watermark's pale red; none on a real receipt.
        assertThat(paleRedShare(rasterise(training, 50))).isGreaterThan(0.03);
        assertThat(paleRedShare(rasterise(real, 50))).isZero();
    }

    @Test
    void pageSizesAreA5AndAnEightyMillimetreRoll() throws Exception {
        try (PDDocument a5 = Loader.loadPDF(renderer.render(Receipts.filed(false), ReceiptLayout.A5));
                PDDocument roll = Loader.loadPDF(renderer.render(Receipts.filed(false), ReceiptLayout.ROLL_80MM))) {
            assertThat(a5.getNumberOfPages()).isEqualTo(1);
            assertThat(a5.getPage(0).getMediaBox().getWidth() / MM).isCloseTo(148, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(a5.getPage(0).getMediaBox().getHeight() / MM).isCloseTo(210, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(roll.getNumberOfPages()).isEqualTo(1);
            assertThat(roll.getPage(0).getMediaBox().getWidth() / MM).isCloseTo(80, org.assertj.core.data.Offset.offset(0.5f));
            // The roll is as long as its content: longer than it is wide, far shorter than a metre.
            assertThat(roll.getPage(0).getMediaBox().getHeight() / MM).isBetween(120f, 400f);
        }
    }

    @Test
    void fontsAreEmbedded() throws Exception {
        try (PDDocument doc = Loader.loadPDF(renderer.render(Receipts.filed(true), ReceiptLayout.A5))) {
            PDPage page = doc.getPage(0);
            int fonts = 0;
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("NotoSans");
                fonts++;
            }
            assertThat(fonts).isEqualTo(2);
            // The document information carries no personal data.
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Giấy tiếp nhận hồ sơ và hẹn trả kết quả");
            assertThat(doc.getDocumentInformation().getAuthor()).isNull();
        }
    }

    @Test
    void aLongListOfPapersContinuesOnASecondA5Page() throws Exception {
        Receipt base = Receipts.filed(false);
        java.util.List<Receipt.ReceivedDocument> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new Receipt.ReceivedDocument("Giấy tờ kèm theo số " + (i + 1), 1, 1));
        }
        Receipt r = new Receipt(base.issuingAgency(), base.receivingUnit(), base.receiptNumber(), base.dossierCode(), null,
                base.applicant(), base.procedure(), many, base.handlingDays(), base.fee(), base.receivedAt(), base.dueAt(),
                base.delivery(), base.trackingUrl(), base.receivingOfficer(), false);
        Path pdf = dir.resolve("long.pdf");
        Files.write(pdf, renderer.render(r, ReceiptLayout.A5));

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
        }
        assertThat(pdfText(pdf)).contains("Giấy tờ kèm theo số 40", Receipts.CODE);
    }

    @Test
    void loggingAReceiptRevealsNoPersonalData() {
        Receipt r = Receipts.filed(false);

        assertThat(r.toString()).contains(Receipts.CODE).doesNotContain("Nguy", "056190001234", "0905123456", "nhung@");
        assertThat(r.applicant().toString()).doesNotContain("Nguy", "0561");
    }

    @Test
    void aReceiptHasEitherAPortalCodeOrALocalReference() {
        Receipt r = Receipts.filed(false);
        assertThatThrownBy(() -> new Receipt(r.issuingAgency(), r.receivingUnit(), r.receiptNumber(), r.dossierCode(),
                "KIOSK-1", r.applicant(), r.procedure(), r.documents(), 1, r.fee(), r.receivedAt(), r.dueAt(),
                r.delivery(), null, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Receipts.queued().trackingCode()).isEqualTo("KIOSK-7F3K-92QD");
        assertThat(r.qrContent()).isEqualTo(Receipts.URL);
    }

    private static double paleRedShare(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        long pale = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                if (r > 230 && g > 150 && g < 225 && Math.abs(g - b) < 20) {
                    pale++;
                }
            }
        }
        return (double) pale / ((long) img.getWidth() * img.getHeight());
    }
}
