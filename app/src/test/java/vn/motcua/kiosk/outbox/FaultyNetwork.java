// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An operator's flaky network between the kiosk and the portal, independent of both: a loopback
 * TCP proxy that takes one request per connection (both sides are told {@code Connection: close},
 * so no kept-alive connection hides a fault) and, drawn from a seeded random on every request
 * whatever its operation, resets it part-way, cuts the answer part-way after the portal acted,
 * stalls it until the kiosk gives up and only then delivers it, or delays it. It can also hold one
 * chosen request while the test kills the kiosk, then deliver it late.
 */
final class FaultyNetwork implements AutoCloseable {
    enum Fault { NONE, RESET_REQUEST, CUT_RESPONSE, STALL, DELAY, KILL }

    private final ServerSocket server;
    private final int portalPort;
    private final Random random;
    private final double[] rates; // RESET_REQUEST, CUT_RESPONSE, STALL, DELAY
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-network");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Map<Fault, Integer>> fired = new TreeMap<>();
    private long requests;
    private long holdAt = -1;
    private CountDownLatch held;
    private CountDownLatch release;

    FaultyNetwork(int portalPort, long seed, double reset, double cut, double stall, double delay) throws IOException {
        this.portalPort = portalPort;
        this.random = new Random(seed);
        this.rates = new double[] {reset, cut, stall, delay};
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/api/v1";
    }

    synchronized long requests() {
        return requests;
    }

    /** The {@code n}-th request is held (not delivered) and the returned latch opens; {@link #release()} delivers it late. */
    synchronized CountDownLatch holdAt(long n) {
        holdAt = n;
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        return held;
    }

    synchronized void release() {
        if (release != null) {
            release.countDown();
        }
    }

    /** How often each fault fired, by operation. */
    synchronized Map<String, Map<Fault, Integer>> fired() {
        Map<String, Map<Fault, Integer>> copy = new TreeMap<>();
        fired.forEach((op, m) -> copy.put(op, new EnumMap<>(m)));
        return copy;
    }

    synchronized Map<Fault, Integer> totals() {
        Map<Fault, Integer> t = new EnumMap<>(Fault.class);
        fired.values().forEach(m -> m.forEach((f, n) -> t.merge(f, n, Integer::sum)));
        return t;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private record Decision(Fault fault, double where, CountDownLatch release, long after) {}

    private boolean closed;

    /** Waits until this network has seen {@code n} requests (or is closed). */
    private synchronized void awaitRequests(long n) throws InterruptedException {
        while (requests < n && !closed) {
            wait();
        }
    }

    /** The fault for this request: drawn from the seeded random; a fault not yet seen on this operation goes first. */
    private synchronized Decision decide(String op) {
        requests++;
        Map<Fault, Integer> mine = fired.computeIfAbsent(op, k -> new EnumMap<>(Fault.class));
        Fault f = Fault.NONE;
        if (requests == holdAt) {
            f = Fault.KILL;
            held.countDown();
        } else {
            double r = random.nextDouble();
            double total = rates[0] + rates[1] + rates[2] + rates[3];
            if (r < total) {
                f = pick(r);
                for (Fault candidate : new Fault[] {Fault.RESET_REQUEST, Fault.CUT_RESPONSE, Fault.STALL}) {
                    if (!mine.containsKey(candidate)) {
                        f = candidate;
                        break;
                    }
                }
            }
        }
        mine.merge(f, 1, Integer::sum);
        notifyAll();
        return new Decision(f, random.nextDouble(), f == Fault.KILL ? release : null, requests + 1 + random.nextInt(4));
    }

    private Fault pick(double r) {
        Fault[] kinds = {Fault.RESET_REQUEST, Fault.CUT_RESPONSE, Fault.STALL, Fault.DELAY};
        double acc = 0;
        for (int i = 0; i < kinds.length; i++) {
            acc += rates[i];
            if (r < acc) {
                return kinds[i];
            }
        }
        return Fault.NONE;
    }

    private void serve(Socket client) {
        try (client) {
            Message request = Message.read(client.getInputStream(), null);
            if (request == null) {
                return;
            }
            Decision d = decide(operation(request.method(), request.path()));
            byte[] out = request.closing();
            switch (d.fault()) {
                case RESET_REQUEST -> {
                    try (Socket portal = portal()) {
                        portal.getOutputStream().write(out, 0, (int) (d.where() * out.length));
                        portal.getOutputStream().flush();
                        reset(portal);
                    }
                    reset(client);
                }
                case CUT_RESPONSE -> {
                    byte[] answer = exchange(out, request.method());
                    client.getOutputStream().write(answer, 0, (int) (d.where() * answer.length));
                    client.getOutputStream().flush();
                    reset(client);
                }
                case STALL -> {
                    // Nothing reaches the portal until the kiosk has given up on its read timeout and gone on
                    // with a few more requests; then it does, late (a request stuck in a queue on the way).
                    drain(client.getInputStream());
                    awaitRequests(d.after());
                    exchange(out, request.method());
                }
                case KILL -> {
                    d.release().await(5, TimeUnit.MINUTES); // the kiosk is killed meanwhile; the request arrives after
                    exchange(out, request.method());
                }
                default -> {
                    if (d.fault() == Fault.DELAY) {
                        Thread.sleep((long) (d.where() * 300));
                    }
                    client.getOutputStream().write(exchange(out, request.method()));
                    client.getOutputStream().flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // a side went away: that is what this network is for
        }
    }

    private Socket portal() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), portalPort);
    }

    /** Sends the request and returns the portal's whole answer, told to close the connection. */
    private byte[] exchange(byte[] request, String method) throws IOException {
        try (Socket portal = portal()) {
            portal.getOutputStream().write(request);
            portal.getOutputStream().flush();
            Message answer = Message.read(portal.getInputStream(), method);
            if (answer == null) {
                throw new IOException("no answer");
            }
            // As a reverse proxy does: the portal's own address in Location and uploadUrl becomes this one.
            return answer.rewrite("127.0.0.1:" + portalPort, "127.0.0.1:" + server.getLocalPort()).closing();
        }
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // until the kiosk closes its side
            }
        } catch (IOException e) {
            // reset by the kiosk: closed too
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // close with RST, as a broken path does
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    static String operation(String method, String path) {
        String p = path.replaceFirst("^/api/v1", "").replaceFirst("\\?.*$", "");
        if (p.equals("/device-sessions")) {
            return "createDeviceSession";
        }
        if (p.matches("/dossiers/[^/]+/documents/[^/]+")) {
            return switch (method) {
                case "HEAD" -> "headUpload";
                case "PATCH" -> "patchUpload";
                case "DELETE" -> "terminateUpload";
                default -> method + " upload";
            };
        }
        if (p.matches("/dossiers/[^/]+/documents")) {
            return "createUpload";
        }
        if (p.matches("/dossiers/[^/]+/submit")) {
            return "submitDossier";
        }
        if (p.equals("/dossiers")) {
            return "createDossier";
        }
        if (p.matches("/dossiers/[^/]+")) {
            return "getDossier";
        }
        return method + " " + p;
    }

    /** One HTTP/1.1 message: its head and its body (by Content-Length), with the head rewritable. */
    private record Message(String start, String headers, byte[] body) {
        String method() {
            return start.split(" ")[0];
        }

        String path() {
            String[] parts = start.split(" ");
            return parts.length > 1 ? parts[1] : "";
        }

        Message rewrite(String from, String to) {
            byte[] b = new String(body, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
            StringBuilder h = new StringBuilder();
            for (String line : headers.replace(from, to).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    line = "Content-Length: " + b.length;
                }
                h.append(h.length() == 0 ? "" : "\r\n").append(line);
            }
            return new Message(start, h.toString(), b);
        }

        /** The same message with {@code Connection: close}: one request per connection. */
        byte[] closing() {
            StringBuilder head = new StringBuilder(start).append("\r\n");
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (!line.isEmpty() && !lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                    head.append(line).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            return all;
        }

        /** A message from {@code in}; {@code requestMethod} is null for a request, else the method it answers. */
        static Message read(InputStream in, String requestMethod) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int eol = text.indexOf("\r\n");
            String start = text.substring(0, eol);
            String headers = text.substring(eol + 2, text.length() - 4);
            long length = -1;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring(15).trim());
                }
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:")) {
                    throw new IOException("chunked bodies are not proxied");
                }
            }
            byte[] body;
            if (requestMethod != null) {
                int status = Integer.parseInt(start.split(" ")[1]);
                boolean none = "HEAD".equals(requestMethod) || status == 204 || status == 304 || status < 200;
                body = none ? new byte[0] : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
            } else {
                body = length > 0 ? in.readNBytes((int) length) : new byte[0];
            }
            return new Message(start, headers, body);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.close();
        release();
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS); // late deliveries reach the portal before it is read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
