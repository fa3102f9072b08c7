package vn.motcua.kiosk.signing.pkcs11;

import java.util.Map;

/** The CKR_ names the kiosk reacts to; SunPKCS11 puts the same names in its exception messages. */
final class Pkcs11ErrorNames {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0L, "CKR_OK"),
            Map.entry(0x5L, "CKR_GENERAL_ERROR"),
            Map.entry(0x6L, "CKR_FUNCTION_FAILED"),
            Map.entry(0x30L, "CKR_DEVICE_ERROR"),
            Map.entry(0x31L, "CKR_DEVICE_MEMORY"),
            Map.entry(0x32L, "CKR_DEVICE_REMOVED"),
            Map.entry(0x60L, "CKR_KEY_HANDLE_INVALID"),
            Map.entry(0x82L, "CKR_OBJECT_HANDLE_INVALID"),
            Map.entry(0xA0L, "CKR_PIN_INCORRECT"),
            Map.entry(0xA1L, "CKR_PIN_INVALID"),
            Map.entry(0xA2L, "CKR_PIN_LEN_RANGE"),
            Map.entry(0xA3L, "CKR_PIN_EXPIRED"),
            Map.entry(0xA4L, "CKR_PIN_LOCKED"),
            Map.entry(0xB0L, "CKR_SESSION_CLOSED"),
            Map.entry(0xB3L, "CKR_SESSION_HANDLE_INVALID"),
            Map.entry(0xE0L, "CKR_TOKEN_NOT_PRESENT"),
            Map.entry(0xE1L, "CKR_TOKEN_NOT_RECOGNIZED"),
            Map.entry(0x101L, "CKR_USER_NOT_LOGGED_IN"),
            Map.entry(0x190L, "CKR_CRYPTOKI_NOT_INITIALIZED"),
            Map.entry(0x191L, "CKR_CRYPTOKI_ALREADY_INITIALIZED"),
            Map.entry(0x3L, "CKR_SLOT_ID_INVALID"));

    private Pkcs11ErrorNames() {}

    static String name(long rv) {
        return NAMES.getOrDefault(rv, "CKR_0x" + Long.toHexString(rv));
    }
}
