package vn.motcua.kiosk.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 timestamp authority on loopback for the B-T tests: BouncyCastle's response
 * generator behind the JDK's HTTP server, with its own throw-away certificate (CN "Kiosk Test TSA",
 * extended key usage timeStamping, critical as RFC 3161 wants). Its clock runs {@code skew} ahead
 * of the machine's so a test can tell the authority's time from the signer's claimed time.
 * {@link Mode} makes it misbehave on purpose.
 */
final class TestTsa implements AutoCloseable {
    static final String NAME = "Kiosk Test TSA";

    enum Mode {
        /** A granted timestamp over what was asked. */
        GRANT,
        /** HTTP 503, as a TSA behind a failing proxy answers. */
        HTTP_ERROR,
        /** A granted timestamp, but over other bytes than the signature (a broken or hostile TSA). */
        WRONG_IMPRINT
    }

    private final X509Certificate certificate;
    private final HttpServer server;
    private final TimeStampResponseGenerator generator;
    private final Duration skew;
    private final AtomicLong serial = new AtomicLong(1);
    private final List<Instant> issued = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.GRANT;

    TestTsa(Duration skew) throws Exception {
        this.skew = skew;
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        KeyPair keys = kpg.generateKeyPair();
        X500Name subject = new X500Name("C=VN,O=Kiosk Test,CN=" + NAME);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));

        this.certificate = cert;
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(), cert),
                new JcaDigestCalculatorProviderBuilder().build().get(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1")); // a test policy OID
        tokens.addCertificates(new JcaCertStore(List.of(cert)));
        generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tsa", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The genTime of every timestamp granted, in order. */
    List<Instant> issued() {
        return List.copyOf(issued);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (mode == Mode.HTTP_ERROR) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            TimeStampRequest request = new TimeStampRequest(body);
            if (mode == Mode.WRONG_IMPRINT) {
                byte[] other = MessageDigest.getInstance("SHA-256").digest("not the signature".getBytes());
                TimeStampRequestGenerator g = new TimeStampRequestGenerator();
                g.setCertReq(request.getCertReq());
                request = g.generate(request.getMessageImprintAlgOID(), other, request.getNonce());
            }
            Date genTime = Date.from(Instant.now().plus(skew));
            TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.getAndIncrement()), genTime);
            if (response.getTimeStampToken() != null) {
                issued.add(response.getTimeStampToken().getTimeStampInfo().getGenTime().toInstant());
            }
            byte[] out = response.getEncoded();
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * Checks, with BouncyCastle alone (not iText), the RFC 3161 token inside a signature's CMS
     * container as pdfsig cut it out: the token sits in the signer's unsigned attributes as
     * id-aa-signatureTimeStampToken, it is signed by this TSA's certificate (which
     * {@code TimeStampToken.validate} also requires to carry the critical timeStamping usage and to
     * be valid at the token's time), and its imprint is the SHA-256 of the signer's signature value,
     * i.e. it stamps this signature and nothing else. Returns the token's time.
     */
    Instant verifyStampIn(byte[] cms) throws Exception {
        ContentInfo info;
        try (ASN1InputStream in = new ASN1InputStream(cms)) {
            info = ContentInfo.getInstance(in.readObject()); // zero padding may follow the container
        }
        SignerInformation signer = new CMSSignedData(info).getSignerInfos().getSigners().iterator().next();
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute attr = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attr == null) {
            throw new AssertionError("no signature timestamp token in the signer's unsigned attributes");
        }
        TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(attr.getAttrValues().getObjectAt(0)));
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
        if (!Arrays.equals(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
            throw new AssertionError("timestamp imprint is not the SHA-256 of the signature value");
        }
        return token.getTimeStampInfo().getGenTime().toInstant();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
