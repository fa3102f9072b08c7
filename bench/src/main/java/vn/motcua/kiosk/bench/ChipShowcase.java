// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;
import vn.motcua.kiosk.identity.chip.AccessKey;
import vn.motcua.kiosk.identity.chip.ChipReader;
import vn.motcua.kiosk.identity.chip.ChipReading;
import vn.motcua.kiosk.identity.chip.Dg13;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;

/**
 * A chip reader for the screenshots: the card is always on it and reads at once as a synthetic
 * citizen (no such person), with a drawn portrait. The real path is tested with the virtual card.
 */
final class ChipShowcase implements ChipReader {
    private final Dg13 citizen;

    private ChipShowcase(Map<Dg13.Field, String> fields) {
        this.citizen = new Dg13(fields, Map.of());
    }

    /** Nguyễn Văn An of the QR the tour scans, with a different name on the chip when asked. */
    static ChipShowcase citizen(String chipName) {
        Map<Dg13.Field, String> f = new EnumMap<>(Dg13.Field.class);
        f.put(Dg13.Field.ID_NUMBER, "001095012345");
        f.put(Dg13.Field.FULL_NAME, chipName);
        f.put(Dg13.Field.BIRTH_DATE, "15/08/1995");
        f.put(Dg13.Field.SEX, "Nam");
        f.put(Dg13.Field.NATIONALITY, "Việt Nam");
        f.put(Dg13.Field.ETHNICITY, "Kinh");
        f.put(Dg13.Field.RELIGION, "Không");
        f.put(Dg13.Field.PLACE_OF_ORIGIN, "Xã Hải Hậu, Ninh Bình");
        f.put(Dg13.Field.PLACE_OF_RESIDENCE, "Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội");
        f.put(Dg13.Field.ISSUE_DATE, "10/04/2021");
        f.put(Dg13.Field.EXPIRY_DATE, "15/08/2035");
        f.put(Dg13.Field.FATHER_NAME, "Nguyễn Văn Bình");
        f.put(Dg13.Field.MOTHER_NAME, "Trần Thị Cúc");
        return new ChipShowcase(f);
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public boolean awaitCard(Duration timeout) {
        return true;
    }

    @Override
    public ChipReading read(AccessKey key, Progress progress) {
        return new ChipReading(citizen, portrait(), "image/jpeg", PassiveAuthentication.Trust.NO_CSCA_CONFIGURED,
                ChipReading.Protocol.BAC);
    }

    /** A drawn head and shoulders on the pale blue of ID-card photos. */
    private static byte[] portrait() {
        BufferedImage img = new BufferedImage(240, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xDCE9F5));
        g.fillRect(0, 0, 240, 320);
        g.setColor(new Color(0x2F3B4C));
        g.fillRoundRect(30, 230, 180, 120, 90, 90);
        g.setColor(new Color(0xE8C4A0));
        g.fillOval(70, 70, 100, 130);
        g.setColor(new Color(0x1E1E1E));
        g.fillArc(66, 58, 108, 70, 0, 180);
        g.setStroke(new BasicStroke(3));
        g.drawLine(98, 125, 110, 125);
        g.drawLine(130, 125, 142, 125);
        g.drawArc(104, 160, 32, 14, 200, 140);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
