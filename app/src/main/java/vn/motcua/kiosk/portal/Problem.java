// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An RFC 9457 problem as the portal sends it. {@code errors} name request fields by JSON path
 * ({@code $.applicant.phone}) with a Vietnamese message the form can show next to the field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String path, String code, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The last segment of the type URI ("token-expired"), or "" when there is none. */
    public String kind() {
        if (type == null) {
            return "";
        }
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }
}
