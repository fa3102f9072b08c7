package vn.motcua.kiosk.ui.signing;

import java.util.Date;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.SigningStep;
import vn.motcua.kiosk.signing.CertificateInfo;
import vn.motcua.kiosk.signing.SigningException;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.pades.PadesVerifier;
import vn.motcua.kiosk.ui.common.PinEntry;

/**
 * Design step 7: the dossier's papers with their signature state, the certificates on the
 * plugged-in tokens, the PIN and "Ký số". Signing runs off the UI thread with progress; errors
 * come back as message keys the view words in the citizen's language.
 */
public final class ReviewViewModel {
    /** A message key with arguments. */
    public record Words(String key, List<Object> args) {
        public static Words of(String key, Object... args) {
            return new Words(key, List.of(args));
        }
    }

    /** One paper as the screen lists it. */
    public record Row(String name, int pages, long bytes, Words status) {}

    /** A certificate the citizen can sign with, on the token that holds it. */
    public record Choice(TokenInfo token, CertificateInfo certificate) {}

    public enum Phase { READY, SIGNING, SIGNED }

    private final SessionService sessions;
    private final SigningStep step;
    private final Executor background;
    private final Supplier<String> reason;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> chosen = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.READY);
    private final ObjectProperty<Words> feedback = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty needsSignature = new SimpleBooleanProperty(true);
    private final BooleanProperty signatureRequired = new SimpleBooleanProperty(true);
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final PinEntry pin = new PinEntry(16);

    public ReviewViewModel(SessionService sessions, SigningStep step, Executor background, Supplier<String> reason) {
        this.sessions = sessions;
        this.step = step;
        this.background = background;
        this.reason = reason;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> chosenProperty() {
        return chosen;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<Words> feedbackProperty() {
        return feedback;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Whether the procedure's catalogue entry asks for a signature; if not the step is skipped. */
    public BooleanProperty needsSignatureProperty() {
        return needsSignature;
    }

    /** Whether the dossier may not go on unsigned ("required"); "optional" offers signing but lets it pass. */
    public BooleanProperty signatureRequiredProperty() {
        return signatureRequired;
    }

    /** What the dossier is: the procedure and the applicant, as the portal will see them. */
    public ObservableList<String> summary() {
        return summary;
    }

    public PinEntry pin() {
        return pin;
    }

    /** Reads the papers and their signatures again (on entering the screen and after signing). */
    public void refresh() {
        if (phase.get() == Phase.SIGNED && sessions.current().map(s -> s.documents().stream()
                .noneMatch(DossierDocument::signed)).orElse(true)) {
            phase.set(Phase.READY);
        }
        feedback.set(null);
        List<DossierDocument> documents = sessions.current().map(s -> s.documents()).orElse(List.of());
        rows.setAll(documents.stream().map(d -> new Row(d.name(), d.pages(), d.bytes(), status(d))).toList());
        if (!documents.isEmpty() && documents.stream().allMatch(DossierDocument::signed)) {
            phase.set(Phase.SIGNED);
        }
    }

    private Words status(DossierDocument d) {
        PadesVerifier.Report report = step.check(d);
        if (report.altered()) {
            return Words.of("signing.verify.altered");
        }
        return report.last().map(sig -> Words.of("signing.verify.signed", sig.signerName(), Date.from(sig.signingTime())))
                .orElse(Words.of("signing.verify.unsigned"));
    }

    /** The token watcher's news, on the UI thread: keep the choice if its token is still there. */
    public void tokensChanged(List<TokenInfo> tokens) {
        Choice before = chosen.get();
        choices.setAll(tokens.stream()
                .flatMap(t -> t.signingCertificates().stream().map(c -> new Choice(t, c))).toList());
        Choice still = before == null ? null : choices.stream()
                .filter(c -> c.certificate().fingerprint().equals(before.certificate().fingerprint()))
                .findFirst().orElse(null);
        chosen.set(still != null ? still : choices.size() == 1 ? choices.get(0) : null);
        if (before != null && still == null && phase.get() != Phase.SIGNED) {
            feedback.set(Words.of("signing.review.tokenGone"));
        }
    }

    public void sign() {
        Choice choice = chosen.get();
        if (phase.get() != Phase.READY) {
            return;
        }
        if (choice == null) {
            feedback.set(Words.of("signing.review.chooseCertificate"));
            return;
        }
        if (pin.lengthProperty().get() == 0) {
            feedback.set(Words.of("signing.review.enterPin"));
            return;
        }
        char[] typed = pin.take();
        String why = reason.get();
        phase.set(Phase.SIGNING);
        feedback.set(Words.of("signing.review.signing"));
        progress.set(0);
        Task<List<DossierDocument>> task = new Task<>() {
            @Override
            protected List<DossierDocument> call() throws SigningException {
                return step.sign(choice.token(), choice.certificate(), typed, why, (done, total) -> updateProgress(done, total));
            }
        };
        progress.bind(task.progressProperty());
        task.setOnSucceeded(e -> {
            progress.unbind();
            progress.set(1);
            refresh();
            feedback.set(Words.of("signing.review.done"));
            phase.set(Phase.SIGNED);
        });
        task.setOnFailed(e -> {
            progress.unbind();
            progress.set(0);
            phase.set(Phase.READY);
            Throwable error = task.getException();
            feedback.set(error instanceof SigningException se
                    ? new Words(se.messageKey(), se.messageArgs())
                    : Words.of("signing.review.failed"));
        });
        background.execute(task);
    }
}
