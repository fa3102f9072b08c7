// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Scanning paper: the {@link vn.motcua.kiosk.scanning.Scanner} port, its SANE adapter (saned's
 * network protocol through jfreesane), the typed device failures the papers screen explains, and
 * the doctor's scanner checks. Images leave this package as they arrive, one page at a time,
 * through {@link vn.motcua.kiosk.scanning.ScanListener}; nothing here writes them anywhere.
 */
package vn.motcua.kiosk.scanning;
