package vn.motcua.kiosk.signing.pades;

import com.itextpdf.commons.bouncycastle.tsp.AbstractTSPException;
import com.itextpdf.signatures.TSAClientBouncyCastle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.kiosk.signing.TimestampException;

/**
 * iText's RFC 3161 client with the one thing a kiosk needs that it lacks: time limits. iText's own
 * request opens a URL connection without timeouts, so a TSA that never answers would hang the
 * signing screen; here the connection and the answer each have a limit. Every failure leaves as a
 * {@link Failure} (an IOException, which iText lets through) saying whether the TSA was out of
 * reach or answered with something unusable; {@link PadesSigner} turns it into a
 * {@link TimestampException} for the screen.
 */
final class TimestampClient extends TSAClientBouncyCastle {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** Why the timestamp could not be had; carries the authority's name for the message. */
    static final class Failure extends IOException {
        private final TimestampException.Kind kind;
        private final String authority;

        Failure(TimestampException.Kind kind, String authority, String message, Throwable cause) {
            super(message, cause);
            this.kind = kind;
            this.authority = authority;
        }

        TimestampException toSigningException() {
            return new TimestampException(kind, authority, this);
        }

        /** The first Failure in an exception chain, however iText wrapped it. */
        static Optional<Failure> in(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof Failure f) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final HttpClient http;
    private final String authority;

    TimestampClient(String url) {
        super(url);
        this.authority = authorityOf(url);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Host (and port when given) of the TSA: what staff need to know, without paths or credentials. */
    static String authorityOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            }
        } catch (IllegalArgumentException ignored) {
            // fall through: the configured text as it is
        }
        return url;
    }

    @Override
    public byte[] getTimeStampToken(byte[] imprint) throws IOException, AbstractTSPException {
        try {
            return super.getTimeStampToken(imprint);
        } catch (Exception e) {
            Optional<Failure> failure = Failure.in(e);
            if (failure.isPresent()) {
                throw failure.get();
            }
            // iText checks status, nonce and imprint of the answer; anything it refuses lands here.
            throw new Failure(TimestampException.Kind.REFUSED, authority, "unusable timestamp answer: " + e.getMessage(), e);
        }
    }

    @Override
    protected byte[] getTSAResponse(byte[] requestBytes) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(tsaURL)).timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(requestBytes)).build();
        } catch (IllegalArgumentException e) {
            throw new Failure(TimestampException.Kind.UNREACHABLE, authority, "bad TSA address", e);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Failure(TimestampException.Kind.UNREACHABLE, authority, "no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(TimestampException.Kind.UNREACHABLE, authority, "interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new Failure(TimestampException.Kind.REFUSED, authority, "HTTP " + response.statusCode(), null);
        }
        return response.body();
    }
}
