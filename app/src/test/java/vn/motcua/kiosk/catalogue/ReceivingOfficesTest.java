package vn.motcua.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.form.Label;

class ReceivingOfficesTest {
    private static Office office(String code, String name, String province, String... procedures) {
        return new Office(code, new Label(name, name), province, List.of(procedures));
    }

    private static final List<Office> PORTAL = List.of(
            office("000.00.14.H56", "Sở Tư pháp tỉnh Khánh Hòa", "56", "lltp-self"),
            office("000.25.14.H56", "UBND phường Nha Trang", "56", "trich-luc-ho-tich"),
            office("000.00.14.H12", "Sở Tư pháp tỉnh Cà Mau", "96", "lltp-self"),
            office("000.21.14.H12", "UBND phường An Xuyên", "96", "trich-luc-ho-tich"),
            office("000.22.14.H12", "UBND phường Tân Thành", "96", "trich-luc-ho-tich"),
            office("000.00.14.H29", "Sở Tư pháp Thành phố Hồ Chí Minh", "79", "lltp-self"));

    @Test
    void theDefaultIsTheKiosksOwnAgencyOrElseTheFirstOfItsProvinceThatReceivesTheProcedure() {
        assertThat(new ReceivingOffices("lltp-self", "000.00.14.H56", "56", PORTAL).defaultCode()).isEqualTo("000.00.14.H56");
        assertThat(new ReceivingOffices("trich-luc-ho-tich", "000.00.14.H56", "56", PORTAL).defaultCode())
                .isEqualTo("000.25.14.H56");
        assertThat(new ReceivingOffices("lltp-self", "000.00.14.H56", "56", List.of()).defaultCode())
                .as("before the portal's list is known").isNull();
    }

    @Test
    void officesAreFoundByProvinceThenByAFewLettersWithoutAccents() {
        ReceivingOffices extract = new ReceivingOffices("trich-luc-ho-tich", "000.00.14.H56", "56", PORTAL);
        assertThat(extract.provinces()).containsExactly("56", "96");
        assertThat(extract.search("96", "an xuyen", 5)).extracting(Office::code).containsExactly("000.21.14.H12");
        assertThat(extract.search("96", "", 5)).extracting(Office::code).containsExactly("000.21.14.H12", "000.22.14.H12");
        assertThat(extract.search("96", "tu phap", 5)).as("only offices for this procedure").isEmpty();
        assertThat(new ReceivingOffices("lltp-self", "000.00.14.H56", "56", PORTAL).search("79", "tư pháp hồ chí", 5))
                .extracting(Office::code).containsExactly("000.00.14.H29");
    }
}
