package vn.motcua.kiosk.catalogue;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.kiosk.calendar.HandlingTime;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.config.StrictJson;
import vn.motcua.kiosk.fees.FeeRule;
import vn.motcua.kiosk.fees.FeeSchedule;
import vn.motcua.kiosk.form.Choice;
import vn.motcua.kiosk.form.Condition;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.FormDefinition;
import vn.motcua.kiosk.form.FormDefinitionCheck;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.form.Section;

/**
 * Reads and checks {@code kiosk-config/catalogue/}: the index, the shared sections and one file
 * per procedure. Strict like {@code kiosk.json} (unknown keys and wrong types refused) and every
 * reference checked — areas, shared sections, conditional fields, choice defaults, fee and
 * document conditions, bundle members. All problems of all files are collected, so that a
 * technician fixes them in one round; each names the file, the procedure and the field.
 */
public final class CatalogueLoader {
    public static final String FOLDER = "catalogue/";
    public static final String INDEX = FOLDER + "index.json";
    private static final Pattern PROCEDURE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._/-]+\\.json");
    private static final long MAX_COPIES = 1000;

    public Catalogue load(ConfigSource source) throws DataException {
        CatalogueIndex index = StrictJson.read(source, INDEX, CatalogueIndex.class, "-");
        String indexFile = source.describe(INDEX);
        List<DataProblem> problems = new ArrayList<>();

        Map<String, Area> areas = new LinkedHashMap<>();
        if (index.areas() == null || index.areas().isEmpty()) {
            problems.add(DataProblem.of(indexFile, "-", "areas", "config.expected.present", null));
        } else {
            for (Area a : index.areas()) {
                if (a.id() == null || !PROCEDURE_ID.matcher(a.id()).matches() || areas.putIfAbsent(a.id(), a) != null) {
                    problems.add(DataProblem.of(indexFile, "-", "areas " + a.id(), "catalogue.expected.unique-id", a.id()));
                }
                label(problems, indexFile, "-", "areas " + a.id(), "name", a.name());
            }
        }

        Map<String, Section> shared = new HashMap<>();
        for (String name : list(index.sharedSections())) {
            if (!safeName(problems, indexFile, "sharedSections", name)) {
                continue;
            }
            try {
                var file = StrictJson.read(source, FOLDER + name, CatalogueIndex.SharedSections.class, "-");
                for (Section s : file.sections() == null ? List.<Section>of() : file.sections()) {
                    if (s.id() == null || shared.putIfAbsent(s.id(), s) != null) {
                        problems.add(DataProblem.of(source.describe(FOLDER + name), "-", "section " + s.id(),
                                "catalogue.expected.unique-id", s.id()));
                    }
                }
            } catch (DataException e) {
                problems.addAll(e.problems());
            }
        }

        List<Procedure> procedures = new ArrayList<>();
        Map<String, String> fileOf = new HashMap<>();
        if (index.procedures() == null || index.procedures().isEmpty()) {
            problems.add(DataProblem.of(indexFile, "-", "procedures", "config.expected.present", null));
        }
        for (String name : list(index.procedures())) {
            if (!safeName(problems, indexFile, "procedures", name)) {
                continue;
            }
            String file = source.describe(FOLDER + name);
            Procedure p;
            try {
                p = StrictJson.read(source, FOLDER + name, Procedure.class, name.replace(".json", ""));
            } catch (DataException e) {
                problems.addAll(e.problems());
                // Known by its file name, so that bundles naming it do not add a second, misleading problem.
                fileOf.putIfAbsent(name.replace(".json", ""), file);
                continue;
            }
            String pid = p.id() == null ? name : p.id();
            if (p.id() == null || !PROCEDURE_ID.matcher(p.id()).matches()) {
                problems.add(DataProblem.of(file, pid, "id", "catalogue.expected.procedure-id", p.id()));
                continue;
            }
            if (fileOf.putIfAbsent(p.id(), file) != null) {
                problems.add(DataProblem.of(file, pid, "id", "catalogue.expected.unique-id", p.id()));
                continue;
            }
            FormDefinition form = resolve(p, shared, file, problems);
            p = p.withForm(form);
            new ProcedureCheck(file, p, areas, problems).run();
            procedures.add(p);
        }

        // Bundle members may name procedures of later files: checked once all are read.
        Set<String> ids = new HashSet<>(fileOf.keySet());
        for (Procedure p : procedures) {
            if (p.bundle() == null) {
                continue;
            }
            for (Bundle.Member m : p.bundle().memberList()) {
                if (m.procedure() != null && (!ids.contains(m.procedure()) || m.procedure().equals(p.id()))) {
                    problems.add(DataProblem.of(fileOf.get(p.id()), p.id(), "bundle.members " + m.id(),
                            "catalogue.expected.procedure-ref", m.procedure(), String.join(", ", new java.util.TreeSet<>(ids))));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new Catalogue(List.copyOf(areas.values()), procedures);
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static boolean safeName(List<DataProblem> problems, String indexFile, String key, String name) {
        // Names stay inside catalogue/: a folder on disk must not be escaped with "..".
        if (name == null || !FILE_NAME.matcher(name).matches() || name.contains("..") || name.startsWith("/")) {
            problems.add(DataProblem.of(indexFile, "-", key, "catalogue.expected.file-name", name));
            return false;
        }
        return true;
    }

    private static FormDefinition resolve(Procedure p, Map<String, Section> shared, String file,
                                          List<DataProblem> problems) {
        if (p.form() == null) {
            return null;
        }
        List<Section> sections = new ArrayList<>();
        for (Section s : p.form().sectionList()) {
            if (s.use() == null) {
                sections.add(s);
                continue;
            }
            Section found = shared.get(s.use());
            boolean onlyUse = s.id() == null && s.title() == null && s.fields() == null && s.hint() == null
                    && s.showIf() == null;
            if (found == null || !onlyUse) {
                problems.add(DataProblem.of(file, p.id(), "section " + s.use(), "catalogue.expected.section-ref",
                        s.use(), String.join(", ", new java.util.TreeSet<>(shared.keySet()))));
                continue;
            }
            sections.add(found);
        }
        return new FormDefinition(p.form().template(), sections, p.form().prefillSections());
    }

    static void label(List<DataProblem> problems, String file, String procedure, String field, String what, Label l) {
        if (l == null || l.vi() == null || l.vi().isBlank() || l.en() == null || l.en().isBlank()) {
            problems.add(DataProblem.of(file, procedure, field, "catalogue.expected.label",
                    l == null ? null : l.vi(), what));
        }
    }

    /** The checks of one procedure file. */
    private static final class ProcedureCheck {
        private final String file;
        private final Procedure p;
        private final Map<String, Area> areas;
        private final List<DataProblem> problems;

        ProcedureCheck(String file, Procedure p, Map<String, Area> areas, List<DataProblem> problems) {
            this.file = file;
            this.p = p;
            this.areas = areas;
            this.problems = problems;
        }

        private void problem(String field, String key, String found, String... args) {
            problems.add(DataProblem.of(file, p.id(), field, key, found, args));
        }

        private boolean present(String field, Object value) {
            if (value == null) {
                problem(field, "config.expected.present", null);
                return false;
            }
            return true;
        }

        void run() {
            if (present("code", p.code()) && p.code().isBlank()) {
                problem("code", "config.expected.not-blank", "\"\"");
            }
            label(problems, file, p.id(), "name", "name", p.name());
            if (p.summary() != null) {
                label(problems, file, p.id(), "summary", "summary", p.summary());
            }
            if (present("area", p.area()) && !areas.containsKey(p.area())) {
                problem("area", "catalogue.expected.area", p.area(), String.join(", ", areas.keySet()));
            }
            present("level", p.level());
            present("signature", p.signature());
            if (present("receivingAgencies", p.receivingAgencies()) && p.agencyList().isEmpty()) {
                problem("receivingAgencies", "config.expected.present", "[]");
            }
            for (int i = 0; i < p.agencyList().size(); i++) {
                label(problems, file, p.id(), "receivingAgencies[" + i + "]", "name", p.agencyList().get(i).name());
            }
            boolean hasForm = present("form", p.form());
            if (hasForm) {
                problems.addAll(FormDefinitionCheck.check(file, p.id(), p.form()));
                applicant();
            }
            documents();
            if (present("fee", p.fee()) && hasForm) {
                fee(p.fee());
            }
            if (present("handlingTime", p.handlingTime())) {
                handling(p.handlingTime(), hasForm);
            }
            if (p.bundle() != null) {
                bundle(p.bundle(), hasForm);
            }
        }

        /**
         * The portal files a dossier under the applicant's name, ID number and phone (the phone's
         * last digits also unlock tracking): the form must ask for each, required; name and ID
         * number in a section about the applicant ({@code prefillSections}).
         */
        private void applicant() {
            var fields = p.form().applicantFields();
            if (fields.stream().noneMatch(f -> "name".equals(f.prefill()) && f.isRequired())) {
                problem("form", "catalogue.expected.applicant-field", null, "prefill: name");
            }
            if (fields.stream().noneMatch(f -> "id".equals(f.prefill()) && f.isRequired())) {
                problem("form", "catalogue.expected.applicant-field", null, "prefill: id");
            }
            if (p.form().fields().stream().noneMatch(f -> f.type() == vn.motcua.kiosk.form.FieldType.phone && f.isRequired())) {
                problem("form", "catalogue.expected.applicant-field", null, "type: phone");
            }
        }

        private Field field(String id) {
            return p.form() == null ? null : p.form().field(id).orElse(null);
        }

        private void condition(String where, Condition c) {
            if (present(where, c) && p.form() != null) {
                FormDefinitionCheck.checkCondition(where, c, this::field, problems, file, p.id());
            }
        }

        private void documents() {
            if (!present("documents", p.documents())) {
                return;
            }
            if (p.documentList().isEmpty()) {
                problem("documents", "config.expected.present", "[]");
            }
            Set<String> seen = new HashSet<>();
            for (RequiredDocument d : p.documentList()) {
                String where = "documents " + d.id();
                if (d.id() == null || !FormDefinitionCheck.ID.matcher(d.id()).matches() || !seen.add(d.id())) {
                    problem(where, "catalogue.expected.unique-id", d.id());
                }
                label(problems, file, p.id(), where, "name", d.name());
                if (d.accepts() != null) {
                    label(problems, file, p.id(), where, "accepts", d.accepts());
                }
                if (d.requiredIf() != null) {
                    if (Boolean.TRUE.equals(d.required())) {
                        problem(where, "catalogue.expected.not-here", "requiredIf", "required: true");
                    }
                    condition(where + " requiredIf", d.requiredIf());
                }
            }
        }

        private void fee(FeeSchedule f) {
            for (var amount : new Object[][] {{"fee.base", f.base()}, {"fee.perExtraCopy", f.perExtraCopy()},
                    {"fee.copiesIncluded", f.copiesIncluded()}}) {
                // At most what a VietQR amount holds: a bigger fee cannot be paid, and sums of it overflow.
                long max = amount[0].equals("fee.copiesIncluded") ? MAX_COPIES : FeeSchedule.MAX_AMOUNT;
                if (amount[1] instanceof Number n && (n.longValue() < 0 || n.longValue() > max)) {
                    problem((String) amount[0], "config.expected.range", n.toString(), "0", String.valueOf(max));
                }
            }
            if (f.copiesField() != null) {
                Field c = field(f.copiesField());
                if (c == null || c.type() != FieldType.number) {
                    problem("fee.copiesField", "catalogue.expected.field-ref", f.copiesField(), FieldType.number.name());
                }
            }
            Set<String> ids = new HashSet<>();
            for (FeeRule r : f.exemptionList()) {
                rule("fee.exemptions " + r.id(), r, ids, false);
            }
            for (FeeRule r : f.reductionList()) {
                rule("fee.reductions " + r.id(), r, ids, true);
                if (r.base() != null && r.base() < 0) {
                    problem("fee.reductions " + r.id(), "config.expected.range", String.valueOf(r.base()), "0",
                            String.valueOf(f.baseAmount()));
                } else if (r.base() != null && r.base() >= f.baseAmount()) {
                    problem("fee.reductions " + r.id(), "catalogue.expected.reduced-base", String.valueOf(r.base()),
                            String.valueOf(f.baseAmount()));
                }
            }
        }

        private void rule(String where, FeeRule r, Set<String> ids, boolean reduction) {
            if (r.id() == null || !ids.add(r.id())) {
                problem(where, "catalogue.expected.unique-id", r.id());
            }
            condition(where + " when", r.when());
            label(problems, file, p.id(), where, "reason", r.reason());
            if (reduction) {
                present(where + " base", r.base());
                if (r.waivesExtraCopies() != null) {
                    problem(where, "catalogue.expected.not-here", "waivesExtraCopies", "reductions");
                }
            } else if (r.base() != null) {
                problem(where, "catalogue.expected.not-here", "base", "exemptions");
            }
        }

        private void handling(HandlingTime h, boolean hasForm) {
            if (!present("handlingTime.kind", h.kind())) {
                return;
            }
            switch (h.kind()) {
                case workingDays -> {
                    if (h.days() == null || h.days() < 1 || h.days() > 365) {
                        problem("handlingTime.days", "config.expected.range", String.valueOf(h.days()), "1", "365");
                    }
                }
                case sameDay -> {
                    present("handlingTime.cutoff", h.cutoff());
                    if (h.days() != null) {
                        problem("handlingTime.days", "catalogue.expected.not-here", "days", "sameDay");
                    }
                }
                case unknown -> {
                    if (h.days() != null || h.cutoff() != null || !h.variantList().isEmpty()) {
                        problem("handlingTime", "catalogue.expected.not-here", "days/cutoff/variants", "unknown");
                    }
                }
            }
            if (h.cutoff() != null) {
                try {
                    LocalTime.parse(h.cutoff());
                } catch (DateTimeParseException e) {
                    problem("handlingTime.cutoff", "catalogue.expected.time", h.cutoff());
                }
            }
            for (int i = 0; i < h.variantList().size(); i++) {
                HandlingTime.Variant v = h.variantList().get(i);
                String where = "handlingTime.variants[" + i + "]";
                if (v.days() == null || v.days() < 0 || v.days() > 365) {
                    problem(where + ".days", "config.expected.range", String.valueOf(v.days()), "0", "365");
                }
                if (hasForm) {
                    condition(where + ".when", v.when());
                }
                label(problems, file, p.id(), where, "reason", v.reason());
            }
        }

        private void bundle(Bundle b, boolean hasForm) {
            if (b.memberList().size() < 2) {
                problem("bundle.members", "catalogue.expected.bundle-members", String.valueOf(b.memberList().size()));
            }
            Set<String> ids = new java.util.LinkedHashSet<>();
            for (Bundle.Member m : b.memberList()) {
                if (m.id() == null || !FormDefinitionCheck.ID.matcher(m.id()).matches() || !ids.add(m.id())) {
                    problem("bundle.members " + m.id(), "catalogue.expected.unique-id", m.id());
                }
                label(problems, file, p.id(), "bundle.members " + m.id(), "name", m.name());
            }
            if (b.choiceField() != null && hasForm) {
                Field f = field(b.choiceField());
                if (f == null || f.type() != FieldType.multiChoice) {
                    problem("bundle.choiceField", "catalogue.expected.field-ref", b.choiceField(),
                            FieldType.multiChoice.name());
                } else {
                    Set<String> values = new java.util.LinkedHashSet<>();
                    f.choiceList().stream().map(Choice::value).forEach(values::add);
                    if (!values.equals(ids)) {
                        problem(b.choiceField(), "catalogue.expected.bundle-choices", String.join(", ", values),
                                String.join(", ", ids));
                    }
                }
            }
        }
    }
}
