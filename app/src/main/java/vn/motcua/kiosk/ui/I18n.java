package vn.motcua.kiosk.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.i18n.Messages;

/** The current language as an observable, so every bound label follows a language switch. */
public final class I18n {
    private final ObjectProperty<Messages> messages;

    public I18n(Locale initial) {
        messages = new SimpleObjectProperty<>(Messages.of(initial));
    }

    public void setLocale(Locale locale) {
        if (!locale.equals(messages.get().locale())) {
            messages.set(Messages.of(locale));
        }
    }

    public Locale locale() {
        return messages.get().locale();
    }

    public Messages messages() {
        return messages.get();
    }

    /**
     * Changes with the language: the dependency for bindings that word something themselves. (A
     * {@link #text} binding nobody reads would fire only once: lazy bindings stay invalid.)
     */
    public ObservableValue<Messages> messagesProperty() {
        return messages;
    }

    /**
     * The language now, for catalogue texts (which carry both languages). Read it in whatever
     * binding depends on it, or a later switch goes unnoticed.
     */
    public ObservableValue<Language> language() {
        return Bindings.createObjectBinding(
                () -> "en".equals(messages.get().locale().getLanguage()) ? Language.en : Language.vi, messages);
    }

    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }

    /** A text whose single argument changes too (a countdown, a step name). */
    public StringBinding text(String key, ObservableValue<?> arg) {
        return Bindings.createStringBinding(() -> messages.get().get(key, arg.getValue()), messages, arg);
    }
}
