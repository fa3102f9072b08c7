package vn.motcua.kiosk.ui.signing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import vn.motcua.kiosk.signing.PcscWatcher;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.TokenWatcher;
import vn.motcua.kiosk.ui.I18n;

/**
 * Opens the review-and-sign screen and watches for tokens only while it is shown: drivers are
 * asked once a second (a token plugged in or pulled out shows within two), and at once when PC/SC
 * reports a reader or card change.
 */
public final class SigningScreen {
    private final ReviewViewModel vm;
    private final Supplier<List<TokenInfo>> scan;
    private final boolean shuffledPinPad;
    private TokenWatcher watcher;

    public SigningScreen(ReviewViewModel vm, Supplier<List<TokenInfo>> scan, boolean shuffledPinPad) {
        this.vm = vm;
        this.scan = scan;
        this.shuffledPinPad = shuffledPinPad;
    }

    public ReviewViewModel viewModel() {
        return vm;
    }

    /**
     * @param signature "required", "optional" or "none", as the procedure's catalogue entry says
     * @param summary   lines that say what the dossier is (procedure, applicant)
     */
    public Node open(I18n i18n, Runnable onContinue, String signature, List<String> summary) {
        close();
        vm.needsSignatureProperty().set(!"none".equals(signature));
        vm.signatureRequiredProperty().set("required".equals(signature));
        vm.summary().setAll(summary);
        vm.refresh();
        // Polling finds every token; PC/SC (where a reader service runs) makes it look at once.
        watcher = new TokenWatcher(scan, tokens -> Platform.runLater(() -> vm.tokensChanged(tokens)))
                .start(Duration.ofSeconds(1))
                .pokeOn(PcscWatcher.system());
        return new ReviewView(vm, i18n, shuffledPinPad, onContinue);
    }

    public void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        vm.pin().clear();
    }
}
