package vn.motcua.kiosk.catalogue;

import vn.motcua.kiosk.form.Label;

/** A field of public administration the procedure screen groups procedures by (Tư pháp, Hộ tịch, Giao thông…). */
public record Area(String id, Label name) {}
