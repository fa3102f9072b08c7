package vn.motcua.kiosk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.catalogue.Fixtures;

/** The validator on the shipped LLTP form (today: 10 March 2026). */
class FormValidatorTest {
    private final FormValidator validator = Fixtures.shipped().validator();
    private final FormDefinition lltp = Fixtures.shipped().catalogue().procedure("lltp-self").orElseThrow().form();

    static Answers completeLltp() {
        Answers a = new Answers()
                .put("fullName", "NGUYỄN VĂN AN").put("sex", "male").put("birthDate", "1995-08-15")
                .put("placeOfBirth", "Hà Nội").put("nationality", "Việt Nam").put("ethnicity", "Kinh")
                .put("idNumber", "001095012345").put("idIssueDate", "2021-04-10").put("idIssuePlace", "Bộ Công an")
                .put("permanentAddress.province", "01").put("permanentAddress.commune", "00004")
                .put("permanentAddress.street", "Số 12 Ngõ 34")
                .put("phone", "0912 345 678").put("email", "an.nguyen@example.vn")
                .put("livedInSeveralProvinces", "false").put("livedAbroad", "false")
                .put("certificateType", "1").put("certifyBans", "false").put("copies", "2")
                .put("purpose", "Xin việc").put("resultDelivery", "post");
        a.put("residenceHistory[0].from", "2009-08").put("residenceHistory[0].place", "Hà Nội")
                .put("residenceHistory[0].occupation", "Học sinh");
        return a;
    }

    private List<String> keys(Answers a, String path) {
        return validator.validate(lltp, a).errorsFor(path).stream().map(FieldError::messageKey).toList();
    }

    @Test
    void aCompleteLltpRequestIsValid() {
        assertThat(validator.validate(lltp, completeLltp()).all()).isEmpty();
    }

    @Test
    void requiredFieldsAreReportedWhenLeftEmptyNotWhileTyping() {
        Answers a = completeLltp().remove("purpose").remove("permanentAddress.commune");
        ValidationResult r = validator.validate(lltp, a);
        assertThat(r.errorsFor("purpose")).extracting(FieldError::messageKey).containsExactly("form.error.required");
        assertThat(r.errorsFor("permanentAddress.commune")).extracting(FieldError::messageKey)
                .containsExactly("form.error.required");
        assertThat(validator.validatePath(lltp, a, "purpose", true)).isEmpty();
        assertThat(validator.validatePath(lltp, a, "purpose", false)).hasSize(1);
    }

    @Test
    void theBansQuestionIsAskedOnlyForCertificateType1() {
        Answers a = completeLltp().remove("certifyBans");
        assertThat(keys(a, "certifyBans")).containsExactly("form.error.required");
        assertThat(validator.isShown(lltp, a, "certifyBans")).isTrue();
        a.put("certificateType", "2");
        assertThat(validator.isShown(lltp, a, "certifyBans")).isFalse();
        assertThat(validator.validate(lltp, a).isValid()).isTrue();
    }

    @Test
    void idNumberIsCheckedAgainstProvinceBirthYearAndSex() {
        assertThat(keys(completeLltp().put("idNumber", "00109501234"), "idNumber")).containsExactly("form.error.id.length");
        assertThat(keys(completeLltp().put("idNumber", "00109501234a"), "idNumber")).containsExactly("form.error.id.digits");
        assertThat(keys(completeLltp().put("idNumber", "003095012345"), "idNumber")).containsExactly("form.error.id.province");
        assertThat(keys(completeLltp().put("idNumber", "001195012345"), "idNumber")).containsExactly("form.error.id.sex");
        assertThat(keys(completeLltp().put("idNumber", "001096012345"), "idNumber")).containsExactly("form.error.id.birth-year");
        assertThat(keys(completeLltp().put("idNumber", "001295012345"), "idNumber"))
                .as("2 = male born 20xx: 2095 has not come").containsExactly("form.error.id.future-year");
        assertThat(keys(completeLltp().put("idNumber", "079303012345").put("sex", "female").put("birthDate", "2003-01-02")
                .put("idIssueDate", "2021-04-10"), "idNumber")).isEmpty();
    }

    @Test
    void whileTypingAnIdNumberOnlyHopelessPrefixesAreReported() {
        Answers a = completeLltp();
        for (String prefix : List.of("0", "00", "001", "0010", "00109", "0010950")) {
            a.put("idNumber", prefix);
            assertThat(validator.validatePath(lltp, a, "idNumber", true)).as(prefix).isEmpty();
        }
        a.put("idNumber", "003");
        assertThat(validator.validatePath(lltp, a, "idNumber", true)).extracting(FieldError::messageKey)
                .containsExactly("form.error.id.province");
    }

    @Test
    void phoneAndEmail() {
        for (String ok : List.of("0912345678", "091 234 5678", "+84 912 345 678", "84912345678", "024 3825 1234",
                "(028) 3829-1234", "0389.123.456")) {
            assertThat(keys(completeLltp().put("phone", ok), "phone")).as(ok).isEmpty();
        }
        for (String bad : List.of("091234567", "01234567890", "0412345678", "12345", "09123456789", "phone")) {
            assertThat(keys(completeLltp().put("phone", bad), "phone")).as(bad).containsExactly("form.error.phone");
        }
        for (String bad : List.of("an@", "an.example.vn", "an@example", "an..b@example.vn", "an b@example.vn")) {
            assertThat(keys(completeLltp().put("email", bad), "email")).as(bad).containsExactly("form.error.email");
        }
        Answers typing = completeLltp().put("phone", "091");
        assertThat(validator.validatePath(lltp, typing, "phone", true)).isEmpty();
        typing.put("phone", "041");
        assertThat(validator.validatePath(lltp, typing, "phone", true)).hasSize(1);
    }

    @Test
    void datesBirthInThePastAndResidenceRowsInOrder() {
        assertThat(keys(completeLltp().put("birthDate", "2026-03-11"), "birthDate")).contains("form.error.date-future");
        assertThat(keys(completeLltp().put("birthDate", "15/08/1995"), "birthDate")).containsExactly("form.error.date");
        Answers a = completeLltp().put("residenceHistory[0].to", "2008-01");
        assertThat(validator.validate(lltp, a).errorsFor("residenceHistory[0].to"))
                .containsExactly(FieldError.of("residenceHistory[0].to", "form.error.date-before", "08/2009"));
        assertThat(validator.validatePath(lltp, a, "residenceHistory[0].to", true)).hasSize(1);
        assertThat(keys(completeLltp().put("idIssueDate", "1990-01-01"), "idIssueDate")).containsExactly("form.error.date-before");
    }

    @Test
    void residenceHistoryRowsAreAddedRemovedAndCounted() {
        Field group = lltp.field("residenceHistory").orElseThrow();
        Answers a = completeLltp();
        int row = a.addRow(group);
        assertThat(row).isEqualTo(1);
        assertThat(keys(a, "residenceHistory[1].from")).containsExactly("form.error.required");
        a.put("residenceHistory[1].from", "2013-09").put("residenceHistory[1].place", "Nha Trang");
        a.addRow(group);
        a.put("residenceHistory[2].from", "2018-01").put("residenceHistory[2].place", "Đà Nẵng");
        assertThat(a.rows("residenceHistory")).isEqualTo(3);
        a.removeRow("residenceHistory", 1);
        assertThat(a.rows("residenceHistory")).isEqualTo(2);
        assertThat(a.get("residenceHistory[1].place")).isEqualTo("Đà Nẵng");
        assertThat(validator.validate(lltp, a).isValid()).isTrue();
        a.removeRow("residenceHistory", 0);
        a.removeRow("residenceHistory", 0);
        assertThat(keys(a, "residenceHistory")).containsExactly("form.error.rows-min");
    }

    @Test
    void anAddressCommuneMustBelongToItsProvince() {
        assertThat(keys(completeLltp().put("permanentAddress.province", "79"), "permanentAddress.commune"))
                .containsExactly("form.error.commune");
        assertThat(keys(completeLltp().put("permanentAddress.province", "00"), "permanentAddress.province"))
                .containsExactly("form.error.province");
    }

    @Test
    void textIsNormalisedToNfcAndTheLltpNameIsUpperCaseWithDiacritics() {
        String decomposed = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
        assertThat(FormValidator.normalise(FieldType.text, decomposed)).isEqualTo("Nguyễn Thị Ánh");
        assertThat(FormValidator.normalise(FieldType.upperName, decomposed)).isEqualTo("NGUYỄN THỊ ÁNH");
        assertThat(FormValidator.normalise(FieldType.upperName, "đặng văn ")).isEqualTo("ĐẶNG VĂN ");
        assertThat(FormValidator.tidy(FieldType.upperName, "  trần   văn  bình ")).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(keys(completeLltp().put("fullName", "Nguyễn Văn An"), "fullName")).containsExactly("form.error.name-upper");
        assertThat(keys(completeLltp().put("fullName", "NGUYỄN VĂN AN 2"), "fullName")).containsExactly("form.error.name-letters");
    }

    @Test
    void numbersChoicesAndMultipleChoices() {
        assertThat(keys(completeLltp().put("copies", "0"), "copies")).containsExactly("form.error.number-range");
        assertThat(keys(completeLltp().put("copies", "two"), "copies")).containsExactly("form.error.number");
        assertThat(keys(completeLltp().put("certificateType", "3"), "certificateType")).containsExactly("form.error.choice");
        assertThat(keys(completeLltp().put("applicantCategories", "student,alien"), "applicantCategories"))
                .containsExactly("form.error.choice");
        FormDefinition bundle = Fixtures.shipped().catalogue().procedure("lien-thong-khai-tu").orElseThrow().form();
        Answers one = new Answers().put("linkedProcedures", "deathRegistration");
        assertThat(validator.validate(bundle, one).errorsFor("linkedProcedures")).extracting(FieldError::messageKey)
                .containsExactly("form.error.choices-count");
        // The payment section appears only when an allowance is among the linked procedures.
        assertThat(validator.isShown(bundle, one, "payment.method")).isFalse();
        one.put("linkedProcedures", "deathRegistration,burialAllowance");
        assertThat(validator.isShown(bundle, one, "payment.method")).isTrue();
    }

    @Test
    void residenceRowsAskTheMonthAndYearOnlyAsForm03Does() {
        assertThat(keys(completeLltp().put("residenceHistory[0].from", "2009-08-15"), "residenceHistory[0].from"))
                .as("a day is not asked").containsExactly("form.error.month");
        assertThat(keys(completeLltp().put("residenceHistory[0].from", "2009-13"), "residenceHistory[0].from"))
                .containsExactly("form.error.month");
        assertThat(keys(completeLltp().put("residenceHistory[0].to", "2009-08"), "residenceHistory[0].to"))
                .as("the same month as the start is not before it").isEmpty();
        // Today is 10 March 2026: March is not the future, April is.
        assertThat(keys(completeLltp().put("residenceHistory[0].to", "2026-03"), "residenceHistory[0].to")).isEmpty();
        assertThat(keys(completeLltp().put("residenceHistory[0].to", "2026-04"), "residenceHistory[0].to"))
                .containsExactly("form.error.date-future");
    }

    @Test
    void answersSerialiseAsAFlatMap() {
        Answers a = completeLltp();
        Answers back = Answers.of(a.asMap());
        assertThat(back.asMap()).isEqualTo(a.asMap());
        assertThat(a.asMap()).containsEntry("residenceHistory[0].from", "2009-08")
                .containsEntry("permanentAddress.commune", "00004");
        assertThat(a.toString()).doesNotContain("NGUYỄN");
    }
}
