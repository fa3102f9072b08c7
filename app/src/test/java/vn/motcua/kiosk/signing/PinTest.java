package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.signing.pkcs11.Pkcs11Errors;
import vn.motcua.kiosk.signing.pkcs11.TokenLogin;

/** Wrong and locked PINs against a real SoftHSM2 token (the spare one; the others stay clean). */
class PinTest {

    @Test
    void wrongPinCountsDownThenAGoodPinResetsTheCount() throws Exception {
        // SoftHSM 2.6 never locks and reports no count, so the tries left come from the kiosk's own
        // count against the limit the driver data gives (3 here, as a vendor's documented policy).
        TokenInfo token = SoftHsm.token(SoftHsm.SPARE, 3);
        String fp = token.certificates().get(0).fingerprint();
        TokenLogin.open(token, fp, SoftHsm.pin(), Clock.systemUTC()).close(); // start from a clean count

        WrongPinException first = wrongPin(token, fp);
        assertThat(first.triesLeft()).isEqualTo(OptionalInt.of(2));
        assertThat(first.messageKey()).isEqualTo("signing.error.wrong-pin.tries");
        assertThat(first.messageArgs()).containsExactly(2);

        WrongPinException second = wrongPin(token, fp);
        assertThat(second.triesLeft()).isEqualTo(OptionalInt.of(1));
        assertThat(second.messageKey()).isEqualTo("signing.error.wrong-pin.final");

        // The token's own flags, read back after each wrong PIN: SoftHSM raises "PIN count low".
        assertThat(second.tokenSaysFew()).isTrue();

        try (TokenLogin ok = TokenLogin.open(token, fp, SoftHsm.pin(), Clock.systemUTC())) {
            assertThat(ok.key()).isNotNull();
        }
        assertThat(wrongPin(token, fp).triesLeft()).as("a good PIN resets the count").isEqualTo(OptionalInt.of(2));
        TokenLogin.open(token, fp, SoftHsm.pin(), Clock.systemUTC()).close();
    }

    @Test
    void withoutAKnownLimitTheTriesLeftAreUnknownButTheTokenFlagIsPassedOn() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.SPARE, null);
        String fp = token.certificates().get(0).fingerprint();
        WrongPinException e = wrongPin(token, fp);
        assertThat(e.triesLeft()).isEmpty();
        assertThat(e.messageKey()).isEqualTo("signing.error.wrong-pin.few");
        TokenLogin.open(token, fp, SoftHsm.pin(), Clock.systemUTC()).close();
    }

    @Test
    void softHsmNeverLocksSoPinLockedIsMappedFromTheTokensAnswer() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.SPARE, null);
        String fp = token.certificates().get(0).fingerprint();
        for (int i = 0; i < 6; i++) {
            wrongPin(token, fp); // still "incorrect", never "locked", after 6 wrong PINs
        }
        TokenLogin.open(token, fp, SoftHsm.pin(), Clock.systemUTC()).close();

        // A real token answers C_Login with CKR_PIN_LOCKED; SunPKCS11 wraps it as
        // IOException("load failed") <- FailedLoginException <- PKCS11Exception("CKR_PIN_LOCKED").
        // SunPKCS11's exception class is not exported, so the same chain is built with its message.
        Exception chain = new IOException("load failed",
                new javax.security.auth.login.FailedLoginException().initCause(new RuntimeException("CKR_PIN_LOCKED")));
        assertThat(Pkcs11Errors.ckr(chain)).contains("CKR_PIN_LOCKED");
        assertThat(Pkcs11Errors.ckr(new IOException("load failed", new RuntimeException("CKR_PIN_INCORRECT"))))
                .contains("CKR_PIN_INCORRECT");

        // A token whose flags already say "locked" is refused before the PIN is sent.
        TokenInfo locked = new TokenInfo(token.vendor(), token.library(), token.slotListIndex(), token.label(),
                token.manufacturer(), token.model(), token.serial(), TokenInfo.PinState.LOCKED, null, token.certificates());
        char[] pin = SoftHsm.pin();
        assertThatThrownBy(() -> TokenLogin.open(locked, fp, pin, Clock.systemUTC()))
                .isInstanceOfSatisfying(PinLockedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("signing.error.pin-locked"));
        assertThat(pin).containsOnly('\0');
    }

    private static WrongPinException wrongPin(TokenInfo token, String fp) {
        char[] wrong = "000000".toCharArray();
        try {
            TokenLogin.open(token, fp, wrong, Clock.systemUTC()).close();
        } catch (WrongPinException e) {
            assertThat(wrong).containsOnly('\0');
            return e;
        } catch (SigningException e) {
            throw new AssertionError("expected a wrong PIN, got " + e, e);
        }
        throw new AssertionError("a wrong PIN was accepted");
    }
}
