package vn.motcua.kiosk.config;

import java.util.List;

/**
 * One thing wrong with the configuration: which file, which key (a dotted path such as
 * {@code timeouts.inactivityEndSeconds}), what was expected and what was found. The expectation
 * is a message key with arguments so the error page can say it in the kiosk's languages.
 */
public record ConfigProblem(String file, String key, Expectation expected, List<String> args, String found) {

    /** Message keys under {@code config.expected.*} in the messages bundle. */
    public enum Expectation {
        FILE_PRESENT, VALID_JSON, KNOWN_KEY, PRESENT, WHOLE_NUMBER, TEXT, TRUE_OR_FALSE, ONE_OF, OBJECT,
        RANGE, WARNING_BEFORE_END, URL, HTTPS_OR_LOOPBACK, PIN_HASH, NOT_BLANK, PROVINCE_CODE, EMBEDDED_TRAINING,
        CERTIFICATE_FILES, CA_CERTIFICATE_PEM;

        public String messageKey() {
            return "config.expected." + name().toLowerCase().replace('_', '-');
        }
    }

    /** How much of a wrong value a problem repeats: enough to recognise it, not a 100,000-character wall. */
    static final int MAX_FOUND = 200;

    public ConfigProblem {
        args = List.copyOf(args);
        found = shortened(found);
    }

    static String shortened(String found) {
        if (found == null || found.length() <= MAX_FOUND) {
            return found;
        }
        int end = Character.isHighSurrogate(found.charAt(MAX_FOUND - 1)) ? MAX_FOUND - 1 : MAX_FOUND;
        return found.substring(0, end) + "…";
    }

    static ConfigProblem of(String file, String key, Expectation expected, String found, String... args) {
        return new ConfigProblem(file, key, expected, List.of(args), found);
    }
}
