// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** A scanner as discovery reports it; {@code name} is what {@code devices.scanner} takes. */
public record ScannerInfo(String name, String vendor, String model, String type) {
    public String label() {
        String what = (vendor + " " + model).trim();
        // A scanner saned does not list (a configured network one) has no vendor or model.
        return what.isEmpty() ? name : what + " (" + name + ")";
    }
}
