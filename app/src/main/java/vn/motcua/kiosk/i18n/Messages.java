package vn.motcua.kiosk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import vn.motcua.kiosk.config.ConfigProblem;

/**
 * The kiosk's words, from {@code messages.properties} (Vietnamese, the default) and
 * {@code messages_en.properties}. No user-facing string lives in code.
 */
public final class Messages {
    private static final String BUNDLE = "vn.motcua.kiosk.i18n.messages";
    // Without this, a machine whose default locale is English would answer "vi" in English.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // The bundles are plain text: an apostrophe ("the token's") is a letter, not MessageFormat's quote,
        // which would have left every placeholder after it unfilled.
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    /** One configuration problem as a sentence: file, key, what was expected, what was found. */
    public String describe(ConfigProblem p) {
        String expected = get(p.expected().messageKey(), p.args().toArray());
        String found = p.found() == null ? "" : get("config.found", p.found());
        return get("config.problem", p.file(), p.key(), expected, found);
    }
}
