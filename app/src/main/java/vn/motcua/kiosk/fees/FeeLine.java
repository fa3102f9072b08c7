package vn.motcua.kiosk.fees;

import java.util.List;
import vn.motcua.kiosk.form.Label;

/**
 * One line of the fee explanation: a message key ({@code fees.line.*}) with its arguments
 * (amounts in whole VND, counts, percentages) and, for rules from the catalogue, the rule's
 * reason in both languages. The UI shows the lines in order under the amount.
 */
public record FeeLine(String messageKey, List<Long> args, Label reason) {
    public FeeLine {
        args = List.copyOf(args);
    }

    static FeeLine of(String key, Label reason, long... args) {
        return new FeeLine(key, java.util.Arrays.stream(args).boxed().toList(), reason);
    }
}
