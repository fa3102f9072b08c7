package vn.motcua.kiosk.catalogue;

/** Whether the dossier is signed with the citizen's digital signature (USB token) before it is submitted. */
public enum Signature {
    required, optional, none;

    public String messageKey() {
        return "catalogue.signature." + name();
    }
}
