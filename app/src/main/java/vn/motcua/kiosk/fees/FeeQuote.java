package vn.motcua.kiosk.fees;

import java.util.List;

/** The fee to pay, in whole VND, with the rules that made it, for the procedure card and the fee screen. */
public record FeeQuote(long total, List<FeeLine> lines) {
    public FeeQuote {
        lines = List.copyOf(lines);
    }

    public boolean free() {
        return total == 0;
    }

    /** Whether a line with this message key is in the explanation. */
    public boolean applied(String messageKey) {
        return lines.stream().anyMatch(l -> l.messageKey().equals(messageKey));
    }
}
