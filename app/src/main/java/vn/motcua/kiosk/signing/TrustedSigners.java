// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigSource;

/**
 * Whose signatures on e-results count: the CA certificates named by {@code signing.resultSigners}
 * in kiosk.json, PEM files of the configuration folder. Data, not code, so that a province adds
 * or replaces a CA without a new build. Read at start-up; a missing file, a file without a
 * certificate or a certificate that is not a CA stops the kiosk with the file and key named.
 */
public final class TrustedSigners {
    private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");
    private static final String KEY = "signing.resultSigners";

    private final List<X509Certificate> authorities;

    private TrustedSigners(List<X509Certificate> authorities) {
        this.authorities = List.copyOf(authorities);
    }

    public static TrustedSigners of(List<X509Certificate> authorities) {
        return new TrustedSigners(authorities);
    }

    /** The certificates of every file, in order; every problem of every file at once. */
    public static TrustedSigners load(ConfigSource source, List<String> files) throws ConfigException {
        return load(source, KEY, files);
    }

    /** As {@link #load(ConfigSource, List)}, for another key of kiosk.json naming CA files. */
    public static TrustedSigners load(ConfigSource source, String configKey, List<String> files) throws ConfigException {
        List<X509Certificate> all = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            String key = configKey + "[" + i + "]";
            String text;
            try (InputStream in = source.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                problems.add(new ConfigProblem(source.describe(file), key, ConfigProblem.Expectation.FILE_PRESENT, List.of(), null));
                continue;
            }
            List<X509Certificate> read = new ArrayList<>();
            String wrong = parse(text, read);
            if (wrong != null) {
                problems.add(new ConfigProblem(source.describe(file), key, ConfigProblem.Expectation.CA_CERTIFICATE_PEM, List.of(), wrong));
            }
            all.addAll(read);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new TrustedSigners(all);
    }

    /** Fills {@code out}; what is wrong with the file, or null. */
    private static String parse(String text, List<X509Certificate> out) {
        Matcher m = PEM.matcher(text);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
                X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
                if (c.getBasicConstraints() < 0) {
                    return "not a CA: " + CertificateInfo.commonName(c.getSubjectX500Principal().getName());
                }
                out.add(c);
            }
        } catch (CertificateException | IllegalArgumentException e) {
            return "unreadable certificate";
        }
        return out.isEmpty() ? "no certificate" : null;
    }

    public List<X509Certificate> authorities() {
        return authorities;
    }

    public Set<TrustAnchor> anchors() {
        Set<TrustAnchor> out = new LinkedHashSet<>();
        authorities.forEach(c -> out.add(new TrustAnchor(c, null)));
        return out;
    }
}
