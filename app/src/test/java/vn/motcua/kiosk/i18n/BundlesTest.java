package vn.motcua.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws Exception {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
    }

    @Test
    void noMergeLeftoversHideInTheBundles() throws Exception {
        // Properties would read a conflict marker as a key: same markers in both files pass the key check.
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text.lines()).as(name)
                        .noneMatch(l -> l.startsWith("<<<<<<<") || l.equals("=======") || l.startsWith(">>>>>>>"));
            }
        }
    }

    @Test
    void vietnameseIsTheDefaultWhateverTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(Messages.of(Locale.forLanguageTag("vi")).get("welcome.file")).isEqualTo("Nộp hồ sơ");
            assertThat(Messages.of(Locale.ENGLISH).get("welcome.file")).isEqualTo("File a dossier");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.of(Locale.forLanguageTag("vi")).get("inactivity.countdown", 30))
                .isEqualTo("Phiên sẽ kết thúc sau 30 giây và thông tin của quý vị sẽ được xóa.");
    }

    @Test
    void anApostropheIsALetterNotAQuoteThatSwallowsTheArguments() {
        // "the field's choices ({0})" came out with the "{0}" unfilled (found by the catalogue's property tests).
        Messages en = Messages.of(Locale.ENGLISH);
        assertThat(en.get("catalogue.expected.choice-value", "male, female")).isEqualTo("a value among the field's choices (male, female)");
        assertThat(en.get("signing.error.driver-crashed", "CKR_GENERAL_ERROR")).startsWith("The token's driver failed (CKR_GENERAL_ERROR).");
        assertThat(en.get("startup.error.key.READABLE_BY_ALL", "/k")).endsWith("(or 640 with the kiosk account's group).");
    }

    @Test
    void everyPlaceholderOfEveryMessageIsFilled() throws Exception {
        Object[] args = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        for (String[] bundle : new String[][] {{"messages.properties", "vi"}, {"messages_en.properties", "en"}}) {
            Properties p = load(bundle[0]);
            Messages m = Messages.of(Locale.forLanguageTag(bundle[1]));
            for (String key : p.stringPropertyNames()) {
                if (p.getProperty(key).matches("(?s).*\\{[0-9]+[},].*")) {
                    assertThat(m.get(key, args)).as(bundle[0] + " " + key).doesNotContainPattern("\\{[0-9]+[},]");
                }
            }
        }
    }
}
