package vn.motcua.kiosk.signing.pkcs11;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few read-only PKCS#11 calls that SunPKCS11 does not offer without a PIN: slot list, token
 * information (label, serial, PIN flags) and public certificate objects. Signing itself goes
 * through SunPKCS11. Never calls C_Finalize: SunPKCS11 shares the same loaded library.
 */
final class Cryptoki {
    static final long CKR_OK = 0;
    static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    static final long CKF_TOKEN_PRESENT = 0x1;
    static final long CKF_LOGIN_REQUIRED = 0x4;
    static final long CKF_PROTECTED_AUTHENTICATION_PATH = 0x100;
    static final long CKF_USER_PIN_COUNT_LOW = 0x10000;
    static final long CKF_USER_PIN_FINAL_TRY = 0x20000;
    static final long CKF_USER_PIN_LOCKED = 0x40000;
    private static final int RTLD_LAZY = 0x1;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKF_OS_LOCKING_OK = 0x2;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_VALUE = 0x11;
    private static final long CKO_CERTIFICATE = 0x1;
    // Indexes into CK_FUNCTION_LIST (PKCS#11 2.40, section 5.2), after the CK_VERSION field.
    private static final int F_INITIALIZE = 0, F_GET_SLOT_LIST = 4, F_GET_SLOT_INFO = 5, F_GET_TOKEN_INFO = 6,
            F_OPEN_SESSION = 12, F_CLOSE_SESSION = 13, F_GET_ATTRIBUTE_VALUE = 24, F_FIND_OBJECTS_INIT = 26,
            F_FIND_OBJECTS = 27, F_FIND_OBJECTS_FINAL = 28;

    // Windows builds of PKCS#11 pack structures to 1 byte and use a 32-bit CK_ULONG (C long).
    private static final boolean PACKED = Platform.isWindows();
    private static final int ULONG = NativeLong.SIZE;

    private static final Map<String, Cryptoki> LOADED = new ConcurrentHashMap<>();

    private final String library;
    // Held for the life of the process: JNA closes (dlclose) a library whose NativeLibrary is
    // garbage-collected, and our function pointers then point into unmapped memory (seen: SIGSEGV).
    private final NativeLibrary handle;
    private final Function[] functions;

    /** A slot as C_GetSlotList(FALSE) lists it: its position is SunPKCS11's slotListIndex. */
    record Slot(int listIndex, long id, boolean tokenPresent, String description) {}

    record Token(String label, String manufacturer, String model, String serial, long flags) {}

    static final class CryptokiException extends Exception {
        private final long rv;

        CryptokiException(String call, long rv) {
            super(call + " returned " + Pkcs11ErrorNames.name(rv));
            this.rv = rv;
        }

        long rv() {
            return rv;
        }
    }

    private Cryptoki(String library, NativeLibrary handle, Function[] functions) {
        this.library = library;
        this.handle = handle;
        this.functions = functions;
    }

    /** Loads the library (once per path) and initialises it; an error here means a broken driver. */
    static Cryptoki load(String library) throws CryptokiException {
        Cryptoki existing = LOADED.get(library);
        if (existing != null) {
            return existing;
        }
        synchronized (LOADED) {
            existing = LOADED.get(library);
            if (existing != null) {
                return existing;
            }
            // RTLD_LAZY without RTLD_GLOBAL: every driver exports the same C_* names, and a global
            // load lets one vendor's symbols stand in for the next one's (seen: OpenSC calling SoftHSM).
            NativeLibrary lib = NativeLibrary.getInstance(library, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
            PointerByReference listRef = new PointerByReference();
            long rv = call(lib.getFunction("C_GetFunctionList"), listRef);
            if (rv != CKR_OK) {
                throw new CryptokiException("C_GetFunctionList", rv);
            }
            Pointer list = listRef.getValue();
            long offset = PACKED ? 2 : Native.POINTER_SIZE;
            Function[] fns = new Function[F_FIND_OBJECTS_FINAL + 1];
            for (int i = 0; i < fns.length; i++) {
                fns[i] = Function.getFunction(list.getPointer(offset + (long) i * Native.POINTER_SIZE));
            }
            Cryptoki c = new Cryptoki(library, lib, fns);
            c.initialize();
            LOADED.put(library, c);
            return c;
        }
    }

    private void initialize() throws CryptokiException {
        // CK_C_INITIALIZE_ARGS: four mutex callbacks (null), flags, pReserved. OS locking, as
        // SunPKCS11 asks for, because both use the library from several threads.
        Memory args = new Memory(Native.POINTER_SIZE * 5L + ULONG + (PACKED ? 0 : pad(ULONG)));
        args.clear();
        putULong(args, Native.POINTER_SIZE * 4L, CKF_OS_LOCKING_OK);
        long rv = call(functions[F_INITIALIZE], args);
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
            throw new CryptokiException("C_Initialize", rv);
        }
    }

    String library() {
        return library;
    }

    List<Slot> slots() throws CryptokiException {
        Memory count = new Memory(ULONG);
        putULong(count, 0, 0);
        check("C_GetSlotList", call(functions[F_GET_SLOT_LIST], (byte) 0, null, count));
        long n = getULong(count, 0);
        List<Slot> slots = new ArrayList<>();
        if (n == 0) {
            return slots;
        }
        Memory ids = new Memory(n * ULONG);
        check("C_GetSlotList", call(functions[F_GET_SLOT_LIST], (byte) 0, ids, count));
        n = getULong(count, 0);
        for (int i = 0; i < n; i++) {
            long id = getULong(ids, (long) i * ULONG);
            // CK_SLOT_INFO: description[64], manufacturerID[32], flags, hardware/firmware versions.
            Memory info = new Memory(64 + 32 + ULONG + 4 + 8);
            check("C_GetSlotInfo", call(functions[F_GET_SLOT_INFO], new NativeLong(id), info));
            long flags = getULong(info, align(96));
            slots.add(new Slot(i, id, (flags & CKF_TOKEN_PRESENT) != 0, text(info, 0, 64)));
        }
        return slots;
    }

    Token token(long slotId) throws CryptokiException {
        // CK_TOKEN_INFO: label[32], manufacturerID[32], model[16], serialNumber[16], flags, ...
        Memory info = new Memory(96 + 11L * ULONG + 4 + 16 + 16);
        check("C_GetTokenInfo", call(functions[F_GET_TOKEN_INFO], new NativeLong(slotId), info));
        return new Token(text(info, 0, 32), text(info, 32, 32), text(info, 64, 16), text(info, 80, 16),
                getULong(info, align(96)));
    }

    /** DER of every certificate object the token shows without logging in. */
    List<byte[]> publicCertificates(long slotId) throws CryptokiException {
        Memory session = new Memory(ULONG);
        check("C_OpenSession", call(functions[F_OPEN_SESSION], new NativeLong(slotId), new NativeLong(CKF_SERIAL_SESSION),
                null, null, session));
        NativeLong h = new NativeLong(getULong(session, 0));
        try {
            Memory classValue = new Memory(ULONG);
            putULong(classValue, 0, CKO_CERTIFICATE);
            Memory template = attribute(CKA_CLASS, classValue, ULONG);
            check("C_FindObjectsInit", call(functions[F_FIND_OBJECTS_INIT], h, template, new NativeLong(1)));
            List<Long> handles = new ArrayList<>();
            try {
                Memory found = new Memory(ULONG * 16L);
                Memory count = new Memory(ULONG);
                while (true) {
                    check("C_FindObjects", call(functions[F_FIND_OBJECTS], h, found, new NativeLong(16), count));
                    long n = getULong(count, 0);
                    for (int i = 0; i < n; i++) {
                        handles.add(getULong(found, (long) i * ULONG));
                    }
                    if (n < 16) {
                        break;
                    }
                }
            } finally {
                call(functions[F_FIND_OBJECTS_FINAL], h);
            }
            List<byte[]> ders = new ArrayList<>();
            for (long object : handles) {
                Memory query = attribute(CKA_VALUE, null, 0);
                check("C_GetAttributeValue", call(functions[F_GET_ATTRIBUTE_VALUE], h, new NativeLong(object), query,
                        new NativeLong(1)));
                long len = getULong(query, attrLenOffset());
                if (len <= 0 || len > 1 << 20) {
                    continue;
                }
                Memory value = new Memory(len);
                Memory get = attribute(CKA_VALUE, value, len);
                check("C_GetAttributeValue", call(functions[F_GET_ATTRIBUTE_VALUE], h, new NativeLong(object), get,
                        new NativeLong(1)));
                ders.add(value.getByteArray(0, (int) getULong(get, attrLenOffset())));
            }
            return ders;
        } finally {
            call(functions[F_CLOSE_SESSION], h);
        }
    }

    // CK_ATTRIBUTE: type (ulong), pValue (pointer), ulValueLen (ulong).
    private static Memory attribute(long type, Pointer value, long len) {
        Memory a = new Memory(attrLenOffset() + ULONG + (PACKED ? 0 : pad(ULONG)));
        a.clear();
        putULong(a, 0, type);
        a.setPointer(PACKED ? ULONG : align(ULONG), value);
        putULong(a, attrLenOffset(), len);
        return a;
    }

    private static long attrLenOffset() {
        return (PACKED ? ULONG : align(ULONG)) + Native.POINTER_SIZE;
    }

    private static long align(long offset) {
        return PACKED ? offset : (offset + ULONG - 1) / ULONG * ULONG;
    }

    private static long pad(long size) {
        return (Native.POINTER_SIZE - size % Native.POINTER_SIZE) % Native.POINTER_SIZE;
    }

    private static void putULong(Pointer p, long offset, long value) {
        if (ULONG == 8) {
            p.setLong(offset, value);
        } else {
            p.setInt(offset, (int) value);
        }
    }

    private static long getULong(Pointer p, long offset) {
        return ULONG == 8 ? p.getLong(offset) : Integer.toUnsignedLong(p.getInt(offset));
    }

    private static String text(Pointer p, long offset, int len) {
        // PKCS#11 pads these fixed fields with spaces, no terminating zero.
        return new String(p.getByteArray(offset, len), StandardCharsets.UTF_8).replace('\0', ' ').strip();
    }

    private static long call(Function f, Object... args) {
        // CK_RV is a C unsigned long: 32 bits on Windows.
        return ULONG == 8 ? f.invokeLong(args) : Integer.toUnsignedLong(f.invokeInt(args));
    }

    private static void check(String call, long rv) throws CryptokiException {
        if (rv != CKR_OK) {
            throw new CryptokiException(call, rv);
        }
    }
}
