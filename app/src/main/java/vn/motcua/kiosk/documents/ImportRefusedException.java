// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

/** An imported file refused, with the reason the screen explains ({@code documents.import.*}). */
public final class ImportRefusedException extends DocumentException {
    /** Why a file from the USB stick is refused. */
    public enum Reason {
        /** Not a PDF, JPEG or PNG (judged by content, not by the file name). */
        UNSUPPORTED("documents.import.unsupported"),
        /** Damaged or not really what it claims to be. */
        BROKEN("documents.import.broken"),
        /** Password-protected or encrypted: the portal could not open it either. */
        ENCRYPTED("documents.import.encrypted"),
        /** Carries JavaScript or other actions that run on opening. */
        JAVASCRIPT("documents.import.javascript"),
        /** Carries attached files: only the pages themselves are filed. */
        EMBEDDED_FILES("documents.import.embeddedFiles"),
        /** More pages than one document may have. */
        TOO_MANY_PAGES("documents.import.tooManyPages"),
        /** Bigger than the portal takes, or an image too large to open safely. */
        TOO_LARGE("documents.import.tooLarge"),
        /**
         * A small PDF that would take more than the kiosk has to open: a stream that unpacks to
         * gigabytes, a giant picture or page.
         */
        TOO_COMPLEX("documents.import.tooComplex"),
        /** An image too small to be read at the portal's minimum resolution on A4. */
        LOW_RESOLUTION("documents.import.lowResolution");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String messageKey() {
            return key;
        }
    }

    private final Reason reason;

    /** {@code limit} is the page or megabyte or dpi limit the message names (0 when none). */
    public ImportRefusedException(Reason reason, String detail, Throwable cause, long limit) {
        super(reason.messageKey(), detail, cause, limit);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
