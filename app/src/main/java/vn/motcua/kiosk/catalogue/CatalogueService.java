package vn.motcua.kiosk.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.calendar.DueDate;
import vn.motcua.kiosk.calendar.DueDateCalculator;
import vn.motcua.kiosk.calendar.WorkingCalendar;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.fees.FeeCalculator;
import vn.motcua.kiosk.fees.FeeQuote;
import vn.motcua.kiosk.fees.OnlineDiscounts;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.FormValidator;
import vn.motcua.kiosk.form.IdNumberRules;
import vn.motcua.kiosk.places.Places;

/**
 * What the procedure, form, papers and fee screens use, loaded once at start-up from
 * {@code kiosk-config/}: the catalogue and its search, the places for the address picker, the
 * form validator, the fee calculator and the due-date calculator. {@link #load} reads every
 * part and reports the problems of all of them together.
 */
public final class CatalogueService {
    /** Holiday files read at start-up: last year (dossiers filed late December) to two years ahead. */
    private static final int YEARS_BACK = 1;
    private static final int YEARS_AHEAD = 2;

    private final Catalogue catalogue;
    private final Places places;
    private final IdNumberRules idNumbers;
    private final FormValidator validator;
    private final FeeCalculator fees;
    private final OnlineDiscounts discounts;
    private final DueDateCalculator dueDates;
    private final Clock clock;
    /** What the portal accepts now (its procedure ids); null until the portal has answered once. */
    private volatile java.util.Set<String> portalOffers;
    private volatile List<Office> offices = List.of();

    private CatalogueService(Catalogue catalogue, Places places, IdNumberRules idNumbers, OnlineDiscounts discounts,
                             WorkingCalendar calendar, Clock clock) {
        this.catalogue = catalogue;
        this.places = places;
        this.idNumbers = idNumbers;
        this.discounts = discounts;
        this.clock = clock;
        this.validator = new FormValidator(idNumbers, places, clock);
        this.fees = new FeeCalculator(discounts, clock);
        this.dueDates = new DueDateCalculator(calendar);
    }

    public static CatalogueService load(ConfigSource source, Clock clock) throws DataException {
        List<DataProblem> problems = new ArrayList<>();
        Places places = null;
        IdNumberRules ids = null;
        OnlineDiscounts discounts = null;
        WorkingCalendar calendar = null;
        Catalogue catalogue = null;
        try {
            places = Places.load(source);
        } catch (DataException e) {
            problems.addAll(e.problems());
        }
        try {
            ids = IdNumberRules.load(source);
        } catch (DataException e) {
            problems.addAll(e.problems());
        }
        try {
            discounts = OnlineDiscounts.load(source);
        } catch (DataException e) {
            problems.addAll(e.problems());
        }
        int year = LocalDate.now(clock).getYear();
        try {
            calendar = WorkingCalendar.load(source, year - YEARS_BACK, year + YEARS_AHEAD);
        } catch (DataException e) {
            problems.addAll(e.problems());
        }
        try {
            catalogue = new CatalogueLoader().load(source);
        } catch (DataException e) {
            problems.addAll(e.problems());
        }
        if (places != null && discounts != null) {
            for (var d : discounts.all()) {
                if (places.province(d.province()).isEmpty()) {
                    problems.add(DataProblem.of(source.describe(OnlineDiscounts.FILE), "-", "province",
                            "form.error.province", d.province(), d.province()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new CatalogueService(catalogue, places, ids, discounts, calendar, clock);
    }

    /** Doctor's lines: one OK line per part, or one line per problem found. */
    public static List<CatalogueCheck> checks(ConfigSource source, Clock clock) {
        try {
            return load(source, clock).checks();
        } catch (DataException e) {
            return e.problems().stream().map(p -> CatalogueCheck.of("doctor.catalogue", p)).toList();
        }
    }

    /** Doctor's lines for a loaded service. */
    public List<CatalogueCheck> checks() {
        List<CatalogueCheck> out = new ArrayList<>();
        out.add(CatalogueCheck.ok("doctor.catalogue", "doctor.catalogue.ok", catalogue.procedures().size(),
                catalogue.areas().size()));
        out.add(CatalogueCheck.ok("doctor.places", "doctor.places.ok", places.provinces().size(),
                places.communeCount()));
        out.add(CatalogueCheck.ok("doctor.idnumbers", "doctor.idnumbers.ok", idNumbers.provinceCount()));
        int year = LocalDate.now(clock).getYear();
        var years = dueDates.calendar().years();
        if (years.contains(year)) {
            out.add(years.contains(year + 1)
                    ? CatalogueCheck.ok("doctor.holidays", "doctor.holidays.ok", year, year + 1)
                    : CatalogueCheck.ok("doctor.holidays", "doctor.holidays.next-missing", year, year + 1));
        } else {
            out.add(CatalogueCheck.problem("doctor.holidays", "doctor.holidays.missing", year));
        }
        out.add(CatalogueCheck.ok("doctor.discounts", "doctor.discounts.ok", discounts.all().size()));
        return out;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * The portal's current list (from a fetch or its cached copy): procedures absent from it were
     * withdrawn or are not accepted online, and are no longer offered. Null: offer every one.
     */
    public void portalOffers(java.util.Set<String> procedureIds) {
        portalOffers = procedureIds == null ? null : java.util.Set.copyOf(procedureIds);
    }

    /** The portal's receiving offices as last fetched (the portal link keeps them current). */
    public void portalAgencies(List<Office> list) {
        offices = List.copyOf(list);
    }

    /** Every receiving office the portal lists; empty before its list was first fetched. */
    public List<Office> offices() {
        return offices;
    }

    /** An office's name by its code, where the portal listed it. */
    public java.util.Optional<Office> office(String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** Whether the citizen may pick this procedure now. */
    public boolean offered(Procedure p) {
        java.util.Set<String> offers = portalOffers;
        return offers == null || offers.contains(p.id());
    }

    public ProcedureSearch search() {
        return catalogue.search();
    }

    public Places places() {
        return places;
    }

    public IdNumberRules idNumbers() {
        return idNumbers;
    }

    public FormValidator validator() {
        return validator;
    }

    public FeeCalculator fees() {
        return fees;
    }

    public DueDateCalculator dueDates() {
        return dueDates;
    }

    /** The fee of a procedure with the answers so far, filed online in the given province. */
    public FeeQuote fee(Procedure p, Answers answers, String provinceCode) {
        return fees.quote(p.id(), p.fee(), answers, provinceCode, true);
    }

    /** The return date if the dossier were received at {@code received}. */
    public DueDate due(Procedure p, Answers answers, LocalDateTime received) {
        return dueDates.due(p.handlingTime(), answers, received);
    }

    /** The return date if received now: for the procedure card. */
    public DueDate dueIfReceivedNow(Procedure p, Answers answers) {
        return due(p, answers, LocalDateTime.now(clock));
    }

    /** The papers the citizen must bring with the answers so far. */
    public List<RequiredDocument> requiredDocuments(Procedure p, Answers answers) {
        LocalDate today = LocalDate.now(clock);
        return p.documentList().stream().filter(d -> d.isRequired(answers, today)).toList();
    }
}
