package vn.motcua.kiosk.config;

import java.util.Locale;

/** The languages the kiosk speaks; Vietnamese is the default on every new session. */
public enum Language {
    vi, en;

    public Locale locale() {
        return Locale.forLanguageTag(name());
    }
}
