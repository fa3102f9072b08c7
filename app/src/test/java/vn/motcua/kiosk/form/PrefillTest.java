package vn.motcua.kiosk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Fixtures;

/** The card's values into the shipped LLTP form: nothing the card says is typed again. */
class PrefillTest {
    private final CatalogueService shipped = Fixtures.shipped();
    private final FormDefinition lltp = shipped.catalogue().procedure("lltp-self").orElseThrow().form();

    @Test
    void anAddressNamingACurrentCommuneAndProvinceFillsAllThreeParts() {
        Map<String, String> a = Prefill.answers(lltp,
                Map.of("address", "Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội"), shipped.places());
        assertThat(a).containsEntry("permanentAddress.province", "01")
                .containsEntry("permanentAddress.street", "Số 12 Ngõ 34");
        String commune = a.get("permanentAddress.commune");
        assertThat(shipped.places().commune(commune).orElseThrow().fullName(false)).isEqualTo("Phường Ba Đình");
    }

    @Test
    void anOlderCardsAddressWithADistrictGoesWholeIntoTheStreetLine() {
        String old = "Số 12 Ngõ 34, Phường Điện Biên, Quận Ba Đình, Thành phố Hà Nội";
        Map<String, String> a = Prefill.answers(lltp, Map.of("address", old), shipped.places());
        assertThat(a).containsEntry("permanentAddress.street", old)
                .doesNotContainKeys("permanentAddress.province", "permanentAddress.commune");
        assertThat(Prefill.answers(lltp, Map.of("address", "Hà Nội"), shipped.places()))
                .containsEntry("permanentAddress.street", "Hà Nội");
    }
}
