package vn.motcua.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.i18n.Messages;

class CatalogueServiceTest {
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));
    private static final Messages EN = Messages.of(Locale.ENGLISH);

    @Test
    void doctorLinesForTheShippedConfiguration() {
        List<CatalogueCheck> checks = Fixtures.shipped().checks();
        assertThat(checks).allMatch(CatalogueCheck::ok);
        assertThat(checks.get(0).detail(EN)).isEqualTo("8 procedures in 3 areas, valid");
        assertThat(checks.get(1).detail(VI)).isEqualTo("34 tỉnh, thành phố; 3321 xã, phường");
        assertThat(checks).extracting(c -> EN.get(c.nameKey())).containsExactly("Procedure catalogue",
                "Administrative units", "ID-number province codes", "Public holidays", "Online fee discounts");
    }

    @Test
    void aBrokenCatalogueGivesOneDoctorLinePerProblemInBothLanguages(@TempDir Path dir) {
        Path copy = Fixtures.copyOfShipped(dir);
        Fixtures.edit(copy, "catalogue/khai-sinh.json", "\"area\": \"ho-tich\"", "\"area\": \"hotich\"");
        List<CatalogueCheck> checks = CatalogueService.checks(ConfigSource.folder(copy), Fixtures.clockAt("2026-03-10T09:00"));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.detail(EN)).contains("khai-sinh.json").contains("procedure \"khai-sinh\"")
                    .contains("field \"area\"").contains("an area id from index.json (tu-phap, ho-tich, giao-thong)")
                    .contains("found: hotich");
            assertThat(c.detail(VI)).contains("thủ tục «khai-sinh»").contains("đang có: hotich");
        });
    }

    @Test
    void aMissingHolidayYearIsADoctorProblem() {
        CatalogueService in2031;
        try {
            in2031 = CatalogueService.load(ConfigSource.embedded(), Fixtures.clockAt("2031-01-05T09:00"));
        } catch (vn.motcua.kiosk.config.DataException e) {
            throw new AssertionError(e);
        }
        assertThat(in2031.checks()).filteredOn(c -> !c.ok()).singleElement()
                .satisfies(c -> assertThat(c.detail(EN)).contains("no holidays for 2031"));
    }

    @Test
    void theChecklistOfPapersFollowsTheAnswers() {
        CatalogueService s = Fixtures.shipped();
        Procedure proxy = s.catalogue().procedure("lltp-proxy").orElseThrow();
        Answers a = new Answers().put("requester.role", "authorised");
        assertThat(s.requiredDocuments(proxy, a)).extracting(RequiredDocument::id)
                .containsExactly("declaration", "requesterId", "subjectId", "authorisation");
        a.put("requester.role", "parent");
        assertThat(s.requiredDocuments(proxy, a)).extracting(RequiredDocument::id)
                .containsExactly("declaration", "requesterId", "subjectId", "parentProof");
    }

    @Test
    void aFormWithoutThePhoneThePortalNeedsStopsStartUp(@TempDir Path dir) {
        Path copy = Fixtures.copyOfShipped(dir);
        Fixtures.edit(copy, "catalogue/doi-gplx.json", "\"type\": \"phone\"", "\"type\": \"text\"");
        List<CatalogueCheck> checks = CatalogueService.checks(ConfigSource.folder(copy), Fixtures.clockAt("2026-03-10T09:00"));
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.detail(EN)).contains("doi-gplx.json").contains("field \"form\"")
                    .contains("a required field for what the portal needs of the applicant (type: phone)");
            assertThat(c.detail(VI)).contains("một trường bắt buộc cho thông tin người nộp mà cổng cần (type: phone)");
        });
    }

    /** The training portal must take every paper the kiosk asks for, under the same type. */
    @Test
    void theTrainingPortalAcceptsEveryPaperOfEveryProcedure() throws IOException {
        com.fasterxml.jackson.databind.JsonNode portal;
        try (var in = vn.motcua.portal.training.TrainingPortal.class.getResourceAsStream("catalogue.json")) {
            portal = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        }
        java.util.Map<String, java.util.Set<String>> accepted = new java.util.HashMap<>();
        for (var p : portal.get("procedures")) {
            java.util.Set<String> types = new java.util.HashSet<>();
            p.get("documents").forEach(d -> types.add(d.get("type").asText()));
            accepted.put(p.get("id").asText(), types);
        }
        for (Procedure p : Fixtures.shipped().catalogue().procedures()) {
            assertThat(accepted).as(p.id()).containsKey(p.id());
            assertThat(accepted.get(p.id())).as(p.id())
                    .containsAll(p.documentList().stream().map(RequiredDocument::id).toList());
        }
    }

    /** Every message key the new packages and the catalogue data use is in both bundles. */
    @Test
    void everyMessageKeyUsedExists() throws IOException {
        Pattern key = Pattern.compile("\"((?:form\\.error|fees\\.line|duedate|catalogue\\.expected|catalogue\\.level|"
                + "catalogue\\.signature|places\\.expected|holidays\\.expected|idnumbers\\.expected|config\\.expected|"
                + "doctor\\.[a-z]+|data)[a-z.-]*)\"");
        Set<String> used = new TreeSet<>();
        Path main = Path.of("src/main/java/vn/motcua/kiosk");
        for (String pkg : List.of("catalogue", "form", "fees", "calendar", "places", "text", "config")) {
            try (Stream<Path> files = Files.walk(main.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        used.removeIf(k -> k.endsWith(".") || k.equals("data"));
        for (var level : Level.values()) {
            used.add(level.messageKey());
        }
        for (var sig : Signature.values()) {
            used.add(sig.messageKey());
        }
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(used).allSatisfy(k -> {
            assertThat(VI.has(k)).as(k).isTrue();
            assertThat(EN.has(k)).as(k).isTrue();
        });
    }
}
