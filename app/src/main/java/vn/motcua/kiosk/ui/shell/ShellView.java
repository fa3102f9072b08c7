package vn.motcua.kiosk.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.applicant.ApplicantView;
import vn.motcua.kiosk.ui.applicant.IdReaderFilter;
import vn.motcua.kiosk.ui.consent.ConsentView;
import vn.motcua.kiosk.ui.drafts.DraftsViews;
import vn.motcua.kiosk.ui.filing.FilingScreens;
import vn.motcua.kiosk.ui.form.FormView;
import vn.motcua.kiosk.ui.form.FormViewModel;
import vn.motcua.kiosk.ui.help.HelpCallViewModel;
import vn.motcua.kiosk.ui.help.HelpWaitingButton;
import vn.motcua.kiosk.ui.keyboard.OnScreenKeyboard;
import vn.motcua.kiosk.ui.keyboard.PhysicalTelexFilter;
import vn.motcua.kiosk.ui.procedure.ProcedureView;
import vn.motcua.kiosk.ui.signing.SigningScreen;
import vn.motcua.kiosk.ui.staff.StaffView;
import vn.motcua.kiosk.ui.staff.StaffViewModel;
import vn.motcua.kiosk.ui.volunteer.VolunteerBadge;
import vn.motcua.kiosk.ui.volunteer.VolunteerDraftsView;
import vn.motcua.kiosk.ui.volunteer.VolunteerMenuView;
import vn.motcua.kiosk.ui.volunteer.VolunteerViewModel;
import vn.motcua.kiosk.ui.welcome.WelcomeView;

/**
 * The frame every screen sits in: training banner, header with the display switches, the
 * current screen, the session bar (step bar and "Kết thúc"), and the overlays (inactivity,
 * staff). Display switches and the window's shape are style classes on this root, so CSS
 * restyles every screen at once.
 */
public final class ShellView extends StackPane {
    private final ShellViewModel vm;
    private final HelpCallViewModel help;
    private final VolunteerViewModel volunteers;
    private final BorderPane frame = new BorderPane();
    private final BooleanProperty portrait = new SimpleBooleanProperty();
    private final int consentSeconds;
    private final SigningScreen signing;
    private final FilingScreens filing;
    private OnScreenKeyboard keyboard;
    private ToneStyle toneStyle = ToneStyle.NEW;
    private final PhysicalTelexFilter physicalKeys = new PhysicalTelexFilter();
    private final EndQuestion endQuestion;
    private final VBox top;
    /**
     * The on-screen keyboard is open on a step: the header, the session bar and the fee line fold away so
     * the field being typed, its label, its message and the fields around it stay in sight
     * (issue 15). The training banner stays: it must never be hidden.
     */
    private final BooleanProperty typing = new SimpleBooleanProperty();
    private HBox sessionBar;
    /** Beside the open keyboard: what the folded session bar offers while typing ("Nghe"). */
    private final VBox besideKeyboard = new VBox();

    /** Screens of Welcome features that need no session (tracking, results), by their message key. */
    private final Map<String, Supplier<Node>> features = new HashMap<>();

    /** Registers the screen a Welcome feature opens; features without one show a placeholder. */
    public void feature(String messageKey, Supplier<Node> screen) {
        features.put(messageKey, screen);
    }

    /** @param filing papers, submit, fee and receipt; null shows them as placeholders */
    public ShellView(ShellViewModel vm, StaffViewModel staff, HelpCallViewModel help, SigningScreen signing,
                     FilingScreens filing, String agencyName, boolean training, int consentSeconds) {
        this(vm, staff, help, null, signing, filing, agencyName, training, consentSeconds);
    }

    /** @param volunteers the volunteer's sign-in and menu; null: a kiosk without (some tests) */
    public ShellView(ShellViewModel vm, StaffViewModel staff, HelpCallViewModel help, VolunteerViewModel volunteers,
                     SigningScreen signing, FilingScreens filing, String agencyName, boolean training, int consentSeconds) {
        this.vm = vm;
        this.volunteers = volunteers;
        this.help = help;
        this.signing = signing;
        this.filing = filing;
        this.consentSeconds = consentSeconds;
        I18n i18n = vm.i18n();
        this.endQuestion = new EndQuestion(vm.sessionOpenProperty(), vm::endSession);
        EndQuestionView endQuestionView = new EndQuestionView(endQuestion, i18n);
        // Registered before the composition's Escape-for-staff filter on this node, which sees it consumed.
        addEventFilter(KeyEvent.KEY_PRESSED, endQuestionView::keys);
        setId("shell");
        getStyleClass().add("shell");

        VBox top = new VBox();
        if (training) {
            Label banner = new Label();
            banner.setId("training-banner");
            banner.textProperty().bind(i18n.text("training.banner"));
            banner.getStyleClass().add("training-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(banner);
        }
        Node header = header(i18n, agencyName, staff);
        header.visibleProperty().bind(typing.not());
        header.managedProperty().bind(header.visibleProperty());
        top.getChildren().addAll(header, new HelpWaitingButton(help, i18n));
        this.top = top;
        frame.setTop(top);
        frame.getStyleClass().add("frame");

        VBox bottom = new VBox(sessionBar(i18n));
        frame.setBottom(bottom);
        getChildren().add(frame);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                // The reader's filter first: it must see each key before the Telex filter types it.
                IdReaderFilter.attachTo(scene, vm::idScanned);
                physicalKeys.attachTo(scene);
                afterFirstFrame(scene, () -> {
                    addKeyboard(scene, bottom, i18n);
                    if (volunteers != null) {
                        getChildren().addAll(new VolunteerMenuView(volunteers, i18n, this::handOver),
                                new VolunteerDraftsView(volunteers, i18n, vm.sessionOpenProperty()));
                    }
                    getChildren().addAll(endQuestionView, new InactivityOverlay(vm), new StaffView(staff, i18n));
                });
            }
        });

        vm.screenProperty().addListener((obs, was, is) -> show(is));
        vm.stepProperty().addListener((obs, was, is) -> {
            if (vm.screenProperty().get() == Screen.STEP) {
                show(Screen.STEP);
            }
        });
        show(vm.screenProperty().get());
        bindStyleClass(vm.largeTextProperty(), "large-text");
        bindStyleClass(vm.highContrastProperty(), "high-contrast");
        bindStyleClass(typing, "typing");
        widthProperty().addListener((obs, was, is) -> reshape());
        heightProperty().addListener((obs, was, is) -> reshape());

        // Every touch counts as presence, wherever it lands (filters run before the controls).
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED,
                KeyEvent.KEY_PRESSED, ScrollEvent.SCROLL)) {
            addEventFilter(type, (InputEvent e) -> {
                vm.userActivity();
                if (volunteers != null) {
                    volunteers.activity();
                }
            });
        }
    }

    /**
     * "Người tiếp theo": the session ends as "Kết thúc" ends it, question first, and Welcome comes
     * back with the volunteer still signed in; between sessions (a Welcome feature, the parked
     * code) it goes straight back to Welcome.
     */
    private void handOver() {
        if (vm.sessionOpenProperty().get()) {
            endQuestion.ask();
        } else {
            vm.home();
        }
    }

    /** A bar under the header on every screen (staff announcements), shown when it makes itself visible. */
    public void addNotice(Node notice) {
        top.getChildren().add(notice);
    }

    /** A control beside the open on-screen keyboard, while the session bar is folded away. */
    public void addBesideKeyboard(Node control) {
        besideKeyboard.getChildren().add(control);
    }

    /** A control on the session bar, before "Cần hỗ trợ?" (read-aloud's "Nghe"). */
    public void addToSessionBar(Node control) {
        Node help = sessionBar.lookup("#session-help");
        sessionBar.getChildren().add(Math.max(0, sessionBar.getChildren().indexOf(help)), control);
    }

    /** Tone placement on open oa/oe/uy for both the on-screen and a physical keyboard (a kiosk setting). */
    public void setToneStyle(ToneStyle style) {
        toneStyle = style;
        if (keyboard != null) {
            keyboard.toneStyleProperty().set(style);
        }
        physicalKeys.toneStyleProperty().set(style);
    }

    /**
     * The keyboard's hundred keys and the hidden overlays (staff PIN pad, inactivity warning) are
     * built once Welcome is on screen: styling them, although hidden, held back the first frame by
     * more than half a second, and Welcome needs none of them.
     */
    private static void afterFirstFrame(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void addKeyboard(Scene scene, VBox bottom, I18n i18n) {
        keyboard = new OnScreenKeyboard(i18n);
        keyboard.setId("keyboard");
        keyboard.managedProperty().bind(keyboard.visibleProperty());
        keyboard.setVisible(false);
        keyboard.toneStyleProperty().set(toneStyle);
        HBox.setHgrow(keyboard, Priority.ALWAYS);
        besideKeyboard.getStyleClass().add("beside-keyboard");
        besideKeyboard.visibleProperty().bind(Bindings.isNotEmpty(besideKeyboard.getChildren()));
        besideKeyboard.managedProperty().bind(besideKeyboard.visibleProperty());
        HBox keys = new HBox(keyboard, besideKeyboard);
        keys.visibleProperty().bind(keyboard.visibleProperty());
        keys.managedProperty().bind(keys.visibleProperty());
        bottom.getChildren().add(0, keys);
        // On the citizen's steps, where the forms are long; a Welcome feature asks one or two
        // things and keeps its header (language, staff).
        typing.bind(keyboard.visibleProperty().and(vm.screenProperty().isEqualTo(Screen.STEP)));
        keyboard.attachTo(scene);
    }

    private Node header(I18n i18n, String agencyName, StaffViewModel staff) {
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.setId("app-title");
        title.getStyleClass().add("app-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label agency = new Label(agencyName);
        agency.getStyleClass().add("agency");
        agency.setMinWidth(0);
        VBox names = new VBox(title, agency);

        Button language = new Button();
        language.setId("language");
        language.textProperty().bind(i18n.text("header.language"));
        language.setOnAction(e -> vm.toggleLanguage());
        ToggleButton large = new ToggleButton();
        large.setId("large-text");
        large.textProperty().bind(i18n.text("header.largeText"));
        large.selectedProperty().bindBidirectional(vm.largeTextProperty());
        ToggleButton contrast = new ToggleButton();
        contrast.setId("high-contrast");
        contrast.textProperty().bind(i18n.text("header.highContrast"));
        contrast.selectedProperty().bindBidirectional(vm.highContrastProperty());
        Button staffButton = new Button();
        staffButton.setId("staff-open");
        staffButton.textProperty().bind(i18n.text("header.staff"));
        staffButton.getStyleClass().add("quiet");
        staffButton.setOnAction(e -> staff.open());

        Label portal = portalDot(i18n);

        FlowPane switches = new FlowPane(portal, language, large, contrast);
        switches.getChildren().add(staffButton);
        if (volunteers != null) {
            switches.getChildren().add(new VolunteerBadge(volunteers, i18n));
            staffButton.visibleProperty().bind(volunteers.helperProperty().isNull());
            staffButton.managedProperty().bind(staffButton.visibleProperty());
        }
        // The switches keep their full words; the agency name gives way, then the switches wrap.
        for (var b : switches.getChildren()) {
            ((Region) b).setMinWidth(Region.USE_PREF_SIZE);
        }
        switches.getStyleClass().add("header-switches");
        switches.setAlignment(Pos.CENTER_RIGHT);
        HeaderBar header = new HeaderBar(names, switches);
        header.setId("header");
        header.getStyleClass().add("header");
        return header;
    }

    /** "Online" or "offline — dossiers wait and go later", in words and colour (never colour alone). */
    private Label portalDot(I18n i18n) {
        Label dot = new Label();
        dot.setId("portal-state");
        dot.getStyleClass().add("portal-state");
        Runnable update = () -> {
            var state = vm.portalProperty().get();
            String key = switch (state) {
                case ONLINE -> "portal.state.online";
                case OFFLINE -> "portal.state.offline";
                case UNKNOWN -> "portal.state.unknown";
            };
            dot.textProperty().bind(i18n.text(key));
            dot.getStyleClass().removeAll("online", "offline", "unknown");
            dot.getStyleClass().add(state.name().toLowerCase(java.util.Locale.ROOT));
        };
        vm.portalProperty().addListener((obs, was, is) -> update.run());
        update.run();
        return dot;
    }

    private Node sessionBar(I18n i18n) {
        StepBar steps = new StepBar(vm);
        HBox.setHgrow(steps, Priority.ALWAYS);
        Button end = new Button();
        end.setId("session-end");
        end.textProperty().bind(Bindings.concat(i18n.text("session.end"), "\n", i18n.text("session.end.hint")));
        end.getStyleClass().add("danger");
        end.setOnAction(e -> endQuestion.ask());
        Button park = new Button();
        park.setId("session-park");
        park.textProperty().bind(i18n.text("drafts.park"));
        // Once the dossier is filed there is nothing left to park.
        park.managedProperty().bind(park.visibleProperty());
        park.setOnAction(e -> vm.parkDraft());
        // "Cần hỗ trợ?" on every screen, not only on Welcome (which has its own, larger one).
        Button call = new Button();
        call.setId("session-help");
        call.textProperty().bind(i18n.text("welcome.help"));
        call.getStyleClass().add("help");
        call.setOnAction(e -> help.call());
        call.disableProperty().bind(help.waitingProperty());
        steps.visibleProperty().bind(vm.sessionOpenProperty());
        steps.managedProperty().bind(vm.sessionOpenProperty());
        end.visibleProperty().bind(vm.sessionOpenProperty());
        end.managedProperty().bind(vm.sessionOpenProperty());
        park.visibleProperty().bind(vm.sessionOpenProperty().and(vm.screenProperty().isEqualTo(Screen.STEP))
                .and(Bindings.createBooleanBinding(() -> vm.stepProperty().get().compareTo(Step.SUBMIT) < 0, vm.stepProperty())));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        spacer.visibleProperty().bind(vm.sessionOpenProperty().not());
        spacer.managedProperty().bind(spacer.visibleProperty());
        for (Button b : List.of(call, park, end)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the step bar gives way; the buttons keep their words
        }
        HBox bar = new HBox(steps, spacer, call, park, end);
        bar.getStyleClass().add("session-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.screenProperty().isNotEqualTo(Screen.WELCOME).and(typing.not()));
        bar.managedProperty().bind(bar.visibleProperty());
        sessionBar = bar;
        return bar;
    }

    /** A fresh view for every visit, so nothing of one citizen's screen lingers for the next. */
    private void show(Screen screen) {
        signing.close();
        if (keyboard != null) {
            keyboard.hide(); // a new screen starts whole, header and session bar in sight
        }
        Node content = switch (screen) {
            case WELCOME -> new WelcomeView(vm, help, portrait);
            case CONSENT -> new ConsentView(vm, consentSeconds);
            case STEP -> step(vm.stepProperty().get());
            case FEATURE -> features.containsKey(vm.featureProperty().get())
                    ? features.get(vm.featureProperty().get()).get()
                    : new PlaceholderView(vm, vm.i18n().text(vm.featureProperty().get()));
            case PARK -> DraftsViews.park(vm.drafts(), vm.i18n(), vm::backToStep);
            case PARKED -> DraftsViews.parked(vm.drafts(), vm.i18n(), vm::done);
            case RESUME -> DraftsViews.resume(vm.drafts(), vm.i18n());
            case RESUME_INTERRUPTED -> DraftsViews.resumeInterrupted(vm.drafts(), vm.i18n(), vm.resumingText());
        };
        content.getStyleClass().add("screen");
        frame.setCenter(content);
    }

    /** The screen of a step of the citizen's path; the ones later work builds stand in as placeholders. */
    private Node step(Step step) {
        switch (step) {
            case PROCEDURE -> {
                return new ProcedureView(vm.procedures(), vm.i18n());
            }
            case APPLICANT -> {
                return new ApplicantView(vm.applicant(), vm.i18n());
            }
            case FORM -> {
                FormViewModel form = vm.newForm();
                if (form != null) {
                    return formScreen(form);
                }
            }
            case PAPERS -> {
                if (filing != null) {
                    return filing.papers(vm.i18n(), () -> vm.goTo("none".equals(vm.signature()) ? Step.SUBMIT : Step.SIGN));
                }
            }
            case SIGN -> {
                return signing.open(vm.i18n(), () -> vm.goTo(Step.SUBMIT), vm.signature(), vm.summary());
            }
            case SUBMIT -> {
                if (filing != null) {
                    return filing.submit(vm.i18n(), vm.filingFacts(), () -> vm.goTo(Step.FEE), () -> vm.goTo(Step.RECEIPT));
                }
            }
            case FEE -> {
                Node fee = filing == null ? null : filing.fee(vm.i18n(), () -> vm.goTo(Step.RECEIPT));
                if (fee != null) {
                    return fee;
                }
            }
            case RECEIPT -> {
                Node receipt = filing == null ? null : filing.receipt(vm.i18n(), vm::endSession);
                if (receipt != null) {
                    return receipt;
                }
            }
            default -> { }
        }
        return new PlaceholderView(vm, vm.i18n().text("step." + step.name()));
    }

    /** The form under a line with the fee, which follows the answers (reductions, copies). */
    private Node formScreen(FormViewModel form) {
        I18n i18n = vm.i18n();
        Label fee = new Label();
        fee.setId("form-fee");
        fee.getStyleClass().add("fee-line");
        fee.textProperty().bind(Bindings.createStringBinding(() -> vm.feeText().estimate(form.answers()),
                form.revisionProperty(), i18n.messagesProperty()));
        fee.visibleProperty().bind(typing.not());
        fee.managedProperty().bind(fee.visibleProperty());
        FormView view = new FormView(form, i18n, () -> vm.formDone(form.answers()));
        view.typingProperty().bind(typing);
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox screen = new VBox(fee, view);
        screen.setId("form-screen");
        return screen;
    }

    private void reshape() {
        double w = getWidth();
        double h = getHeight();
        portrait.set(h > w);
        setStyleClass(h > w, "portrait");
        setStyleClass(Math.max(w, h) < 1200, "compact");
        setStyleClass(Math.min(w, h) >= 1000, "wide");
    }

    private void bindStyleClass(javafx.beans.value.ObservableValue<Boolean> on, String styleClass) {
        on.addListener((obs, was, is) -> setStyleClass(is, styleClass));
        setStyleClass(on.getValue(), styleClass);
    }

    private void setStyleClass(boolean on, String styleClass) {
        getStyleClass().remove(styleClass);
        if (on) {
            getStyleClass().add(styleClass);
        }
    }
}
