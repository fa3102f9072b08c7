package vn.motcua.kiosk.ui.staff;

/** What staff may do once the PIN is accepted; the application window implements it. */
public interface StaffActions {
    void leaveFullScreen();

    void enterFullScreen();

    boolean isFullScreen();

    void quit();
}
