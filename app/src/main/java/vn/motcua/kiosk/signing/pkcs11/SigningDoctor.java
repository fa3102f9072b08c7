package vn.motcua.kiosk.signing.pkcs11;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.signing.CertificateInfo;
import vn.motcua.kiosk.signing.DriverCatalogue;
import vn.motcua.kiosk.signing.DriverException;
import vn.motcua.kiosk.signing.TokenInfo;

/**
 * What {@code doctor} says about signing: drivers found on this machine, tokens plugged in, their
 * certificates. Needs no PIN. Holder names are shown (doctor is a staff tool) but never logged.
 */
public final class SigningDoctor {

    /** One doctor line; the Doctor turns these into its own checks. */
    public record CheckLine(String name, boolean ok, String detail) {}

    private final TokenDiscovery discovery = new TokenDiscovery();

    public List<CheckLine> checks(ConfigSource config, DriverCatalogue.Os os, Clock clock, Messages m) {
        List<CheckLine> lines = new ArrayList<>();
        DriverCatalogue catalogue;
        try {
            catalogue = DriverCatalogue.load(config);
        } catch (ConfigException e) {
            String why = e.problems().stream().map(m::describe).collect(Collectors.joining("; "));
            lines.add(new CheckLine(m.get("signing.doctor.drivers"), false, m.get("signing.doctor.drivers.config", why)));
            return lines;
        }
        return checks(catalogue.present(os), clock, m);
    }

    public List<CheckLine> checks(List<DriverCatalogue.PresentDriver> present, Clock clock, Messages m) {
        List<CheckLine> lines = new ArrayList<>();
        String drivers = m.get("signing.doctor.drivers");
        if (present.isEmpty()) {
            lines.add(new CheckLine(drivers, false, m.get("signing.doctor.drivers.none")));
            return lines;
        }
        for (DriverCatalogue.PresentDriver d : present) {
            lines.add(new CheckLine(drivers, true, m.get("signing.doctor.drivers.found", d.vendor(), d.library())));
        }
        TokenDiscovery.Result result = discovery.scan(present);
        for (DriverException e : result.driverProblems()) {
            lines.add(new CheckLine(drivers, false,
                    m.get("signing.doctor.driver.problem", m.get(e.messageKey(), e.messageArgs().toArray()))));
        }
        String tokenName = m.get("signing.doctor.token");
        if (result.tokens().isEmpty()) {
            lines.add(new CheckLine(tokenName, true, m.get("signing.doctor.token.none")));
        }
        for (TokenInfo t : result.tokens()) {
            lines.add(new CheckLine(tokenName, t.pinState() != TokenInfo.PinState.LOCKED,
                    m.get("signing.doctor.token.found", t.label(), t.vendor(), t.certificates().size())
                            + (t.pinState() == TokenInfo.PinState.LOCKED ? " — " + m.get("signing.error.pin-locked") : "")));
            for (CertificateInfo c : t.certificates()) {
                boolean valid = c.validAt(clock.instant());
                lines.add(new CheckLine(m.get("signing.doctor.certificate"), valid, valid
                        ? m.get("signing.doctor.certificate.valid", c.holderName(), c.issuerName(), Date.from(c.notAfter()))
                        : m.get("signing.doctor.certificate.invalid", c.holderName(), c.issuerName(),
                                Date.from(c.notBefore()), Date.from(c.notAfter()))));
            }
        }
        return lines;
    }
}
