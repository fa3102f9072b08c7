package vn.motcua.kiosk.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.catalogue.Fixtures;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;

class PlacesTest {

    private final Places places = Fixtures.shipped().places();

    @Test
    void the2025ListHas34ProvincesAnd3321Communes() {
        assertThat(places.provinces()).hasSize(34);
        assertThat(places.communeCount()).isEqualTo(3321);
        assertThat(places.province("01").orElseThrow().fullName()).isEqualTo("Thành phố Hà Nội");
        assertThat(places.province("01").orElseThrow().fullName(true)).isEqualTo("Hanoi City");
        assertThat(places.commune("00004").orElseThrow().fullName()).isEqualTo("Phường Ba Đình");
        assertThat(places.isCommuneOf("01", "00004")).isTrue();
        assertThat(places.isCommuneOf("79", "00004")).isFalse();
        assertThat(places.province("99")).isEmpty();
    }

    @Test
    void communesAreFoundWithoutAccentsWithinAProvince() {
        assertThat(places.searchCommunes("01", "ba dinh", 5)).first()
                .satisfies(c -> assertThat(c.fullName()).isEqualTo("Phường Ba Đình"));
        assertThat(places.searchCommunes("01", "phuong ba đinh", 5)).first()
                .satisfies(c -> assertThat(c.code()).isEqualTo("00004"));
        assertThat(places.searchCommunes("01", "xyzzy", 5)).isEmpty();
    }

    @Test
    void communesAreFoundAcrossProvincesAndProvincesByName() {
        assertThat(places.searchCommunes("ba dinh", 50)).extracting(Commune::code).contains("00004");
        assertThat(places.searchProvinces("khanh hoa", 3)).first()
                .satisfies(p -> assertThat(p.code()).isEqualTo("56"));
        assertThat(places.searchProvinces("ho chi minh", 3)).first()
                .satisfies(p -> assertThat(p.code()).isEqualTo("79"));
        assertThat(places.searchProvinces("da nang", 3)).first()
                .satisfies(p -> assertThat(p.fullName()).contains("Đà Nẵng"));
    }

    @Test
    void theAttributionShipsWithTheData() throws Exception {
        try (var in = ConfigSource.embedded().open(Places.NOTICE)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("MIT").contains("Thang Le Quoc");
        }
    }

    @Test
    void aCommuneFiledUnderTheWrongProvinceAndAMissingNoticeAreReported(@TempDir Path dir) throws Exception {
        Path units = Files.createDirectories(dir.resolve("admin-units"));
        Files.writeString(units.resolve("vn-admin-units-2025.json"), """
                [{"Code":"01","Name":"Hà Nội","NameEn":"Hanoi","FullName":"Thành phố Hà Nội","FullNameEn":"Hanoi City",
                  "CodeName":"ha_noi","Wards":[{"Code":"00004","Name":"Ba Đình","NameEn":"Ba Dinh","FullName":"Phường Ba Đình",
                  "FullNameEn":"Ba Dinh Ward","CodeName":"ba_dinh","ProvinceCode":"79"}]}]
                """);
        DataException e = catchThrowableOfType(DataException.class, () -> Places.load(ConfigSource.folder(dir)));
        assertThat(e.problems()).extracting(p -> p.messageKey())
                .containsExactly("places.expected.parent", "config.expected.file-present");
        assertThat(e.problems().get(0).field()).isEqualTo("[0].Wards[0].ProvinceCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"Code\":\"01\",\"Population\":8000000}]",
            "[{\"Code\":1,\"FullName\":\"Thành phố Hà Nội\",\"Wards\":[]}]",
            "[{\"Code\":\"01\",\"Code\":\"02\"}]",
            "[{\"Code\":\"01\",\"FullName\":\"Hà Nội\",\"Wards\":[{\"Code\":\"00004\",\"Area\":9}]}]",
            "[{\"Code\":\"01\",\"FullName\":\"Hà Nội\",\"Wards\":{}}]",
            "[] []",
            "{\"Code\":\"01\"}"})
    void aListNotOfTheShippedShapeIsNamedAsSuch(String text, @TempDir Path dir) throws Exception {
        Path units = Files.createDirectories(dir.resolve("admin-units"));
        Files.writeString(units.resolve("vn-admin-units-2025.json"), text);
        Files.writeString(units.resolve("NOTICE.md"), "MIT");
        DataException e = catchThrowableOfType(DataException.class, () -> Places.load(ConfigSource.folder(dir)));
        assertThat(e).as(text).isNotNull();
        assertThat(e.problems()).extracting(p -> p.messageKey()).containsExactly("config.expected.valid-json");
    }

    @Test
    void commentsAndNullsAreReadAsBefore(@TempDir Path dir) throws Exception {
        Path units = Files.createDirectories(dir.resolve("admin-units"));
        Files.writeString(units.resolve("vn-admin-units-2025.json"), """
                // 2025 list
                [{"Code":"01","Name":"Hà Nội","NameEn":null,"FullName":"Thành phố Hà Nội","FullNameEn":null,
                  "CodeName":"ha_noi","Wards":[{"Code":"00004","Name":"Ba Đình","FullName":"Phường Ba Đình",
                  "ProvinceCode":"01"}]}]
                """);
        Files.writeString(units.resolve("NOTICE.md"), "MIT");
        Places read = Places.load(ConfigSource.folder(dir));
        assertThat(read.commune("00004").orElseThrow().fullName()).isEqualTo("Phường Ba Đình");
        assertThat(read.province("01").orElseThrow().fullName(true)).isEqualTo("Thành phố Hà Nội");
    }
}
