package vn.motcua.kiosk.signing.pkcs11;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong PINs this kiosk has seen per token since that token's last good PIN. Tokens count too and
 * reset on a good PIN, so the kiosk's count is a lower bound of theirs (another computer may have
 * added some): "tries left" from it is an upper bound, said as "at most". Memory only, keyed by
 * the token's serial number, never by a person.
 */
public final class PinAttempts {
    private final Map<String, Integer> wrong = new ConcurrentHashMap<>();

    public int recordWrong(String tokenKey) {
        return wrong.merge(tokenKey, 1, Integer::sum);
    }

    public void recordGood(String tokenKey) {
        wrong.remove(tokenKey);
    }

    public int wrongSoFar(String tokenKey) {
        return wrong.getOrDefault(tokenKey, 0);
    }

    /** Tries left by the vendor's documented limit, if any; empty when the limit is unknown or passed. */
    public OptionalInt triesLeft(String tokenKey, Integer limit) {
        if (limit == null) {
            return OptionalInt.empty();
        }
        int left = limit - wrongSoFar(tokenKey);
        return left > 0 ? OptionalInt.of(left) : OptionalInt.empty();
    }
}
