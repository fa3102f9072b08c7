package vn.motcua.kiosk.signing.pkcs11;

import java.util.Optional;

/**
 * Finds the PKCS#11 return value in an exception chain. SunPKCS11's own exception type is not
 * exported from its module, but its message is the CKR_ name, which is what this reads.
 */
public final class Pkcs11Errors {
    private Pkcs11Errors() {}

    public static Optional<String> ckr(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                int at = m.indexOf("CKR_");
                if (at >= 0) {
                    int end = at;
                    while (end < m.length() && (Character.isLetterOrDigit(m.charAt(end)) || m.charAt(end) == '_')) {
                        end++;
                    }
                    return Optional.of(m.substring(at, end));
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The token or its reader went away (or the driver lost it, which the citizen sees the same way). */
    public static boolean isRemoval(String ckr) {
        return switch (ckr) {
            case "CKR_DEVICE_REMOVED", "CKR_TOKEN_NOT_PRESENT", "CKR_SESSION_HANDLE_INVALID", "CKR_SESSION_CLOSED",
                 "CKR_DEVICE_ERROR", "CKR_SLOT_ID_INVALID", "CKR_TOKEN_NOT_RECOGNIZED", "CKR_KEY_HANDLE_INVALID",
                 "CKR_OBJECT_HANDLE_INVALID", "CKR_USER_NOT_LOGGED_IN" -> true;
            default -> false;
        };
    }

    /**
     * SunPKCS11 checks on its own whether the token is still there and then throws
     * {@code ProviderException("Token has been removed")} with no CKR_ code: whether that or a CKR_
     * error comes first depends on timing, so both count as removal.
     */
    public static boolean saysRemoved(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains("Token has been removed")) {
                return true;
            }
        }
        return false;
    }
}
