package vn.motcua.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.calendar.HandlingTime;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.form.FieldType;

class CatalogueLoaderTest {

    @TempDir
    Path dir;

    private List<DataProblem> problemsAfter(String file, String from, String to) {
        Path copy = Fixtures.copyOfShipped(dir);
        Fixtures.edit(copy, file, from, to);
        DataException e = catchThrowableOfType(DataException.class,
                () -> new CatalogueLoader().load(ConfigSource.folder(copy)));
        assertThat(e).as("a problem is reported").isNotNull();
        return e.problems();
    }

    @Test
    void freeTextWithCommonAnswersOffersThemAsChoices() {
        Catalogue c = Fixtures.shipped().catalogue();
        // Issue 15: where a choice will do, the citizen touches instead of typing ("Khác" still types).
        java.util.Map<String, String> expected = java.util.Map.of("lltp-self", "purpose", "lltp-proxy",
                "requester.relation", "trich-luc-ho-tich", "purpose", "lien-thong-khai-sinh",
                "residence.relationToHead", "lien-thong-khai-tu", "payment.bank");
        expected.forEach((procedure, field) -> assertThat(c.procedure(procedure).orElseThrow().form().field(field)
                .orElseThrow().suggestionList()).as(procedure + " " + field).isNotEmpty());
        assertThat(c.procedure("khai-sinh").orElseThrow().form().field("mother.ethnicity").orElseThrow()
                .suggestionList()).extracting(l -> l.vi()).startsWith("Kinh", "Tày");
    }

    @Test
    void theShippedCatalogueHasTheSevenProceduresOfTheDomainWithBothLltpVariants() {
        Catalogue c = Fixtures.shipped().catalogue();
        assertThat(c.procedures()).extracting(Procedure::id).containsExactly("lltp-self", "lltp-proxy", "khai-sinh",
                "lien-thong-khai-sinh", "khai-tu", "lien-thong-khai-tu", "trich-luc-ho-tich", "doi-gplx");
        assertThat(c.procedure("lltp-self").orElseThrow().form().template()).isEqualTo("Mẫu 03/2024/LLTP");
        assertThat(c.procedure("lltp-proxy").orElseThrow().form().template()).isEqualTo("Mẫu 04/2024/LLTP");
        assertThat(c.procedure("trich-luc-ho-tich").orElseThrow().code()).isEqualTo("2.000635");
        assertThat(c.procedure("lien-thong-khai-tu").orElseThrow().code()).isEqualTo("1.011537");
        assertThat(c.areas()).extracting(Area::id).containsExactly("tu-phap", "ho-tich", "giao-thong");
        assertThat(c.inArea("giao-thong")).extracting(Procedure::id).containsExactly("doi-gplx");
        for (Procedure p : c.procedures()) {
            assertThat(p.documentList()).as(p.id()).isNotEmpty();
            assertThat(p.agencyList()).as(p.id()).isNotEmpty();
            assertThat(p.form().sectionList()).as(p.id()).isNotEmpty().allSatisfy(s -> assertThat(s.use()).isNull());
        }
    }

    @Test
    void sharedSectionsAreResolvedIntoBothLltpForms() {
        Catalogue c = Fixtures.shipped().catalogue();
        var self = c.procedure("lltp-self").orElseThrow().form();
        var proxy = c.procedure("lltp-proxy").orElseThrow().form();
        assertThat(self.field("fullName").orElseThrow().type()).isEqualTo(FieldType.upperName);
        assertThat(proxy.field("fullName")).isPresent();
        assertThat(proxy.field("requester.role")).isPresent();
        var history = self.field("residenceHistory").orElseThrow();
        assertThat(history.type()).isEqualTo(FieldType.group);
        assertThat(history.columns()).extracting(f -> f.id()).containsExactly("from", "to", "place", "occupation",
                "workplace");
        assertThat(self.field("residenceHistory.to").orElseThrow().date().notBefore()).isEqualTo("from");
        assertThat(self.field("certifyBans").orElseThrow().showIf().equals()).isEqualTo("1");
    }

    @Test
    void handlingTimesAndBundlesAreData() {
        Catalogue c = Fixtures.shipped().catalogue();
        assertThat(c.procedure("khai-tu").orElseThrow().handlingTime().kind()).isEqualTo(HandlingTime.Kind.sameDay);
        assertThat(c.procedure("lltp-self").orElseThrow().handlingTime().days()).isEqualTo(10);
        assertThat(c.procedure("lien-thong-khai-tu").orElseThrow().handlingTime().kind())
                .isEqualTo(HandlingTime.Kind.unknown);
        Bundle death = c.procedure("lien-thong-khai-tu").orElseThrow().bundle();
        assertThat(death.memberList()).hasSize(4);
        assertThat(death.choiceField()).isEqualTo("linkedProcedures");
        var pick = c.procedure("lien-thong-khai-tu").orElseThrow().form().field("linkedProcedures").orElseThrow();
        assertThat(pick.min()).isEqualTo(2);
        assertThat(pick.max()).isEqualTo(4);
        assertThat(c.procedure("lien-thong-khai-sinh").orElseThrow().bundle().memberList().get(0).procedure())
                .isEqualTo("khai-sinh");
    }

    @Test
    void anUnknownKeyIsRefusedNamingFileProcedureAndField() {
        List<DataProblem> p = problemsAfter("catalogue/khai-tu.json", "\"legalBasis\":", "\"legalBase\":");
        assertThat(p).hasSize(1);
        assertThat(p.get(0).file()).endsWith("khai-tu.json");
        assertThat(p.get(0).procedure()).isEqualTo("khai-tu");
        assertThat(p.get(0).messageKey()).isEqualTo("config.expected.known-key");
        assertThat(p.get(0).found()).isEqualTo("legalBase");
        assertThat(p.get(0).args().get(0)).contains("legalBasis");
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        List<DataProblem> p = problemsAfter("catalogue/doi-gplx.json", "\"base\": 135000", "\"base\": \"135000\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.procedure()).isEqualTo("doi-gplx");
            assertThat(x.field()).isEqualTo("fee.base");
            assertThat(x.messageKey()).isEqualTo("config.expected.whole-number");
        });
    }

    @Test
    void aWrongTypeInsideAFieldNamesTheFieldId() {
        List<DataProblem> p = problemsAfter("catalogue/trich-luc-ho-tich.json", "\"en\": \"Number of copies\"\n            },\n            \"required\": true",
                "\"en\": \"Number of copies\"\n            },\n            \"required\": \"yes\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).startsWith("copies");
            assertThat(x.messageKey()).isEqualTo("config.expected.true-or-false");
        });
    }

    @Test
    void aConditionalFieldMustPointAtAnExistingField() {
        List<DataProblem> p = problemsAfter("catalogue/sections/lltp.json", "\"field\": \"certificateType\"",
                "\"field\": \"certificateKind\"");
        // The shared section is used by both LLTP forms: both report it.
        assertThat(p).extracting(DataProblem::procedure).containsExactly("lltp-self", "lltp-proxy");
        assertThat(p).allSatisfy(x -> {
            assertThat(x.field()).isEqualTo("certifyBans");
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.field-ref");
            assertThat(x.found()).isEqualTo("certificateKind");
        });
    }

    @Test
    void byProxyOnlyTheRequestersSectionIsAboutTheApplicant() {
        var proxy = Fixtures.shipped().catalogue().procedure("lltp-proxy").orElseThrow().form();
        assertThat(proxy.applicantFields()).extracting(f -> f.id()).contains("requester.name", "requester.birthDate")
                .doesNotContain("fullName", "birthDate", "idNumber");
        var self = Fixtures.shipped().catalogue().procedure("lltp-self").orElseThrow().form();
        assertThat(self.applicantFields()).as("without prefillSections: every section").isEqualTo(self.fields());
    }

    @Test
    void prefillSectionsMustNameSectionsOfTheForm() {
        List<DataProblem> p = problemsAfter("catalogue/lltp-proxy.json", "\"prefillSections\": [\n      \"requester\"",
                "\"prefillSections\": [\n      \"requestor\"");
        // Without a section about the applicant the form has no applicant's name or ID number either.
        assertThat(p).extracting(DataProblem::procedure).containsOnly("lltp-proxy");
        assertThat(p).filteredOn(x -> x.field().equals("form.prefillSections")).singleElement().satisfies(x -> {
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.prefill-section");
            assertThat(x.found()).isEqualTo("requestor");
        });
    }

    @Test
    void aConditionMustCompareWithAValueTheFieldCanTake() {
        List<DataProblem> p = problemsAfter("catalogue/sections/lltp.json", "\"equals\": \"1\"", "\"equals\": \"3\"");
        assertThat(p).extracting(DataProblem::messageKey).containsOnly("catalogue.expected.choice-value");
    }

    @Test
    void suggestionsNeedBothLanguages() {
        List<DataProblem> p = problemsAfter("catalogue/sections/lltp.json", "{\"vi\": \"Du học\", \"en\": \"Study abroad\"}",
                "{\"vi\": \"Du học\"}");
        // The section is shared: both LLTP forms name it.
        assertThat(p).hasSize(2).allSatisfy(x -> {
            assertThat(x.field()).isEqualTo("purpose");
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.label");
        });
    }

    @Test
    void suggestionsAreForTextFieldsOnly() {
        List<DataProblem> onAChoice = problemsAfter("catalogue/sections/lltp.json", "\"id\": \"certificateType\",",
                "\"id\": \"certificateType\", \"suggestions\": [{\"vi\": \"Số 1\", \"en\": \"No. 1\"}],");
        assertThat(onAChoice).extracting(DataProblem::messageKey).containsOnly("catalogue.expected.not-here").hasSize(2);
    }

    @Test
    void aChoiceDefaultMustBeOneOfTheChoices() {
        List<DataProblem> p = problemsAfter("catalogue/doi-gplx.json", "\"defaultValue\": \"post\"",
                "\"defaultValue\": \"drone\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("delivery");
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.choice-value");
            assertThat(x.found()).isEqualTo("drone");
        });
    }

    @Test
    void bundleMembersMustExist() {
        List<DataProblem> p = problemsAfter("catalogue/lien-thong-khai-tu.json", "\"procedure\": \"khai-tu\"",
                "\"procedure\": \"khai-tu-cu\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.procedure()).isEqualTo("lien-thong-khai-tu");
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.procedure-ref");
            assertThat(x.found()).isEqualTo("khai-tu-cu");
        });
    }

    @Test
    void bundleChoicesMustBeTheMembers() {
        List<DataProblem> p = problemsAfter("catalogue/lien-thong-khai-tu.json", "\"value\": \"funeralSupport\"",
                "\"value\": \"funeral\"");
        assertThat(p).extracting(DataProblem::messageKey).contains("catalogue.expected.bundle-choices");
    }

    @Test
    void unknownAreaSharedSectionAndFeeFieldAreReported() {
        Path copy = Fixtures.copyOfShipped(dir);
        Fixtures.edit(copy, "catalogue/khai-sinh.json", "\"area\": \"ho-tich\"", "\"area\": \"hotich\"");
        Fixtures.edit(copy, "catalogue/khai-tu.json", "\"use\": \"death.deceased\"", "\"use\": \"death.person\"");
        Fixtures.edit(copy, "catalogue/trich-luc-ho-tich.json", "\"copiesField\": \"copies\"", "\"copiesField\": \"purpose\"");
        assertThatThrownBy(() -> new CatalogueLoader().load(ConfigSource.folder(copy)))
                .isInstanceOfSatisfying(DataException.class, e -> assertThat(e.problems())
                        .extracting(DataProblem::procedure, DataProblem::messageKey)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("khai-sinh", "catalogue.expected.area"),
                                org.assertj.core.groups.Tuple.tuple("khai-tu", "catalogue.expected.section-ref"),
                                org.assertj.core.groups.Tuple.tuple("trich-luc-ho-tich", "catalogue.expected.field-ref")));
    }

    @Test
    void brokenJsonNamesTheLine() {
        List<DataProblem> p = problemsAfter("catalogue/khai-tu.json", "\"code\": \"1.000656\",", "\"code\": \"1.000656\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.messageKey()).isEqualTo("config.expected.valid-json");
            assertThat(x.field()).startsWith("line ");
        });
    }

    @Test
    void aMissingLabelTranslationIsReported() {
        List<DataProblem> p = problemsAfter("catalogue/doi-gplx.json", "\"en\": \"Licence number\"", "\"en\": \"\"");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.field()).isEqualTo("licence.number");
            assertThat(x.messageKey()).isEqualTo("catalogue.expected.label");
        });
    }
}
