// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

/** Byte searches for tests that look for what must not be left in a file. */
public final class Bytes {
    private Bytes() {}

    /** Where {@code needle} first starts in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
