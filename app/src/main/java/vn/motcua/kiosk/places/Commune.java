package vn.motcua.kiosk.places;

/** A commune-level unit (xã, phường, đặc khu); there are no districts since 1 July 2025. */
public record Commune(String code, String name, String fullName, String nameEn, String fullNameEn,
                      String provinceCode) {

    public String fullName(boolean english) {
        return english && fullNameEn != null && !fullNameEn.isBlank() ? fullNameEn : fullName;
    }
}
