// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on loopback that gives every request the answer it is told to (a fixture
 * for the generated answers): a valid token for the login other operations need first, and
 * {@link Answer} for everything else. It counts the most bytes it got to write for one answer,
 * so a test sees whether the client read a huge body to its end.
 */
final class AnswerServer implements AutoCloseable {
    static final String TOKEN = "{\"accessToken\":\"t-1\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"expiresAt\":\"x\"}";

    /** How the body is sent. */
    enum Delivery {
        /** The body as given, with its length announced. */
        WHOLE,
        /** The body as given, chunked (no length announced). */
        CHUNKED,
        /** A length announced, half the body sent, then the connection closed. */
        CUT,
        /** {@code repeat} copies of the body, chunked: tens of MB nobody should read to the end. */
        HUGE,
        /** The same, with the whole length announced up front. */
        HUGE_ANNOUNCED,
        /** The body, then one space at a time, slowly, for ever: only a call timeout ends it. */
        DRIP
    }

    /** One scripted answer. {@code status} 0 means the operation's usual one. */
    record Answer(int status, Map<String, String> headers, byte[] body, Delivery delivery, int repeat) {
        @Override
        public String toString() {
            String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "Answer[" + status + " " + headers + " " + delivery + (repeat > 1 ? " x" + repeat : "") + " " + body.length + " bytes: "
                    + text + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "answer-server");
        t.setDaemon(true);
        return t;
    });
    private volatile Answer answer;
    private volatile boolean loginIsTheSubject;
    private volatile boolean stopping;
    private final AtomicLong mostWritten = new AtomicLong();

    AnswerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    /** What every following request gets; the login too only when it is what is tested. */
    void serve(Answer a, boolean login) {
        answer = a;
        loginIsTheSubject = login;
        mostWritten.set(0);
    }

    /** The most body bytes written for one answer since {@link #serve}. */
    long mostWritten() {
        return mostWritten.get();
    }

    private Answer loginOr(HttpExchange x, Answer a) {
        boolean login = x.getRequestURI().getPath().endsWith("/device-sessions");
        if (login && !loginIsTheSubject) {
            return new Answer(201, Map.of("Content-Type", "application/json"), TOKEN.getBytes(StandardCharsets.UTF_8), Delivery.WHOLE, 1);
        }
        return a;
    }

    private void handle(HttpExchange x) throws IOException {
        try {
            x.getRequestBody().readAllBytes();
            Answer a = loginOr(x, answer);
            a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            int status = a.status();
            boolean noBody = "HEAD".equals(x.getRequestMethod()) || status < 200 || status == 204 || status == 304;
            if (noBody) {
                x.sendResponseHeaders(status, -1);
                return;
            }
            byte[] body = a.body();
            long written = 0;
            switch (a.delivery()) {
                case WHOLE -> {
                    x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                    x.getResponseBody().write(body);
                    written = body.length;
                }
                case CHUNKED -> {
                    x.sendResponseHeaders(status, 0);
                    x.getResponseBody().write(body);
                    written = body.length;
                }
                case CUT -> {
                    x.sendResponseHeaders(status, body.length + 100L);
                    x.getResponseBody().write(Arrays.copyOf(body, body.length / 2));
                    written = body.length / 2;
                    x.getResponseBody().flush();
                    // Closing short of the announced length drops the connection.
                }
                case HUGE, HUGE_ANNOUNCED -> {
                    x.sendResponseHeaders(status, a.delivery() == Delivery.HUGE ? 0 : (long) body.length * a.repeat());
                    OutputStream out = x.getResponseBody();
                    try {
                        for (int i = 0; i < a.repeat() && !stopping; i++) {
                            out.write(body);
                            written += body.length;
                            mostWritten.accumulateAndGet(written, Math::max);
                        }
                    } catch (IOException dropped) {
                        return; // the client hung up, as it should
                    }
                }
                case DRIP -> {
                    x.sendResponseHeaders(status, 0);
                    OutputStream out = x.getResponseBody();
                    try {
                        out.write(body);
                        while (!stopping) {
                            out.write(' ');
                            out.flush();
                            // Pacing, not waiting for anything: a byte every 100 ms keeps any read timeout happy.
                            Thread.sleep(100);
                        }
                    } catch (IOException dropped) {
                        return;
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            mostWritten.accumulateAndGet(written, Math::max);
        } finally {
            x.close();
        }
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        pool.shutdownNow();
    }
}
