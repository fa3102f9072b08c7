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
        CERTIFICATE_FILES, CA_CERTIFICATE_PEM, UNIQUE_NAME;

        public String messageKey() {
            return "config.expected." + name().toLowerCase().replace('_', '-');
        }
    }

    /** How much of a wrong value a problem repeats: enough to recognise it, not a 100,000-character wall. */
    static final int MAX_FOUND = 200;

    public ConfigProblem {
        args = args.stream().map(a -> ConfigProblem.shortened(a, ConfigProblem.MAX_ARG)).toList();
        key = shortened(key);
        found = shortened(found);
    }

    /** Arguments are longer: a list of the known keys or ids is the help a technician needs. */
    static final int MAX_ARG = 600;

    static String shortened(String text) {
        return shortened(text, MAX_FOUND);
    }

    static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    static ConfigProblem of(String file, String key, Expectation expected, String found, String... args) {
        return new ConfigProblem(file, key, expected, List.of(args), found);
    }
}
