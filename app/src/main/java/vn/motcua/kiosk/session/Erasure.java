package vn.motcua.kiosk.session;

/** What ending a session erased: counts only, for the event log and the staff screens. */
public record Erasure(int filesDeleted, int draftsDeleted, int answersForgotten, boolean draftKept) {
    public String detail() {
        return "files=" + filesDeleted + " drafts=" + draftsDeleted + " answers=" + answersForgotten
                + " parkedDraftKept=" + draftKept;
    }
}
