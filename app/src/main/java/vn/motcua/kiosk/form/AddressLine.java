// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.places.Places;

/** An address answer as one line, as papers write it: "Số 12 Lê Lợi, Phường Nha Trang, Tỉnh Khánh Hòa". */
public final class AddressLine {
    private AddressLine() {}

    /** Street, commune and province of the address field at {@code path}, in Vietnamese; empty when unanswered. */
    public static Optional<String> of(Answers answers, String path, Places places) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(answers.get(path + "." + Answers.STREET)).map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(parts::add);
        Optional.ofNullable(answers.get(path + "." + Answers.COMMUNE)).flatMap(places::commune)
                .ifPresent(c -> parts.add(c.fullName(false)));
        Optional.ofNullable(answers.get(path + "." + Answers.PROVINCE)).flatMap(places::province)
                .ifPresent(p -> parts.add(p.fullName(false)));
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
}
