package vn.motcua.kiosk.catalogue;

import vn.motcua.kiosk.form.Label;

/** An agency that receives or handles the dossier ("Sở Tư pháp", "UBND cấp xã"). */
public record Agency(Label name, String notes) {}
