package vn.motcua.kiosk.signing;

import java.util.List;
import java.util.OptionalInt;

/**
 * The token refused the PIN. {@link #triesLeft()} is known when the token says so (final try) or
 * when the driver's data gives the token's limit and the kiosk counted the wrong entries itself.
 */
public final class WrongPinException extends SigningException {
    private final OptionalInt triesLeft;
    private final boolean tokenSaysFew;

    public WrongPinException(OptionalInt triesLeft, boolean tokenSaysFew, Throwable cause) {
        super("PIN incorrect, tries left " + (triesLeft.isPresent() ? triesLeft.getAsInt() : "unknown"), cause);
        this.triesLeft = triesLeft;
        this.tokenSaysFew = tokenSaysFew;
    }

    public OptionalInt triesLeft() {
        return triesLeft;
    }

    /** The token raised its "PIN count low" flag: few tries remain, number not given. */
    public boolean tokenSaysFew() {
        return tokenSaysFew;
    }

    @Override
    public String messageKey() {
        if (triesLeft.isPresent()) {
            return triesLeft.getAsInt() == 1 ? "signing.error.wrong-pin.final" : "signing.error.wrong-pin.tries";
        }
        return tokenSaysFew ? "signing.error.wrong-pin.few" : "signing.error.wrong-pin";
    }

    @Override
    public List<Object> messageArgs() {
        return triesLeft.isPresent() ? List.of(triesLeft.getAsInt()) : List.of();
    }
}
