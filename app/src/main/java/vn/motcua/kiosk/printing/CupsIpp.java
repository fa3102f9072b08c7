// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A minimal IPP/1.1 client for the few CUPS questions javax.print cannot answer: the JDK (17)
 * reports printer-is-accepting-jobs but not printer-state or printer-state-reasons (a stopped
 * queue looks ready), and it never says what became of a job. A CUPS that keeps no job history
 * ({@code PreserveJobHistory No}, as the kiosk's is set up) forgets a job the moment it ends, so
 * what became of it is also asked through a short-lived pull subscription (RFC 3996 "ippget"),
 * whose events outlive the job. Finds the server as libcups and the JDK do: {@code CUPS_SERVER}
 * ("host" or "host:port"), else localhost:631.
 */
final class CupsIpp {
    private static final int GET_JOB_ATTRIBUTES = 0x0009;
    private static final int GET_JOBS = 0x000A;
    private static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    private static final int CREATE_PRINTER_SUBSCRIPTIONS = 0x0016;
    private static final int CANCEL_SUBSCRIPTION = 0x001B;
    private static final int GET_NOTIFICATIONS = 0x001C;
    private static final int GROUP_SUBSCRIPTION = 0x06;
    private static final int GROUP_EVENT_NOTIFICATION = 0x07;
    private static final int TAG_END = 0x03;
    private static final int TAG_INTEGER = 0x21;
    private static final int TAG_BOOLEAN = 0x22;
    private static final int TAG_ENUM = 0x23;
    private static final int TAG_NAME = 0x42;
    private static final int TAG_KEYWORD = 0x44;
    private static final int TAG_URI = 0x45;
    private static final int TAG_CHARSET = 0x47;
    private static final int TAG_LANGUAGE = 0x48;

    private final String host;
    private final int port;
    private int requestId;

    CupsIpp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static CupsIpp fromEnvironment(UnaryOperator<String> env) {
        String server = env.apply("CUPS_SERVER");
        // A domain-socket path cannot be reached over HTTP from Java; the JDK falls back the same way.
        if (server == null || server.isBlank() || server.startsWith("/")) {
            return new CupsIpp("localhost", 631);
        }
        int colon = server.lastIndexOf(':');
        if (colon > 0 && server.indexOf(']') < colon && server.substring(colon + 1).matches("\\d+")) {
            return new CupsIpp(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)));
        }
        return new CupsIpp(server, 631);
    }

    String server() {
        return host + ":" + port;
    }

    /** printer-state, printer-state-reasons, printer-state-message, printer-is-accepting-jobs, queued-job-count. */
    Map<String, List<Object>> printer(String name) throws IOException {
        Request r = request(GET_PRINTER_ATTRIBUTES, name);
        r.keywords("requested-attributes", "printer-state", "printer-state-reasons", "printer-state-message",
                "printer-is-accepting-jobs", "queued-job-count");
        List<Map<String, List<Object>>> groups = send(r, "/printers/" + name, 0x04);
        if (groups.isEmpty()) {
            throw new IOException("no such printer: " + name);
        }
        return groups.get(0);
    }

    /** Every job of the printer, finished ones included: job-id, job-name, job-state. */
    List<Map<String, List<Object>>> jobs(String printer) throws IOException {
        Request r = request(GET_JOBS, printer);
        r.keyword("which-jobs", "all");
        r.keywords("requested-attributes", "job-id", "job-name", "job-state");
        return send(r, "/printers/" + printer, 0x02);
    }

    /**
     * job-state (3 pending … 9 completed), job-state-reasons, job-printer-state-message; empty when
     * CUPS no longer knows the job (ended, and no history kept).
     */
    java.util.Optional<Map<String, List<Object>>> job(String printer, int jobId) throws IOException {
        Request r = request(GET_JOB_ATTRIBUTES, printer);
        r.integer("job-id", jobId);
        r.keywords("requested-attributes", "job-state", "job-state-reasons", "job-printer-state-message");
        List<Map<String, List<Object>>> groups = send(r, "/printers/" + printer, 0x02);
        return groups.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(groups.get(0));
    }

    /**
     * Subscribes to the printer's job events for {@code leaseSeconds} (CUPS drops it after that
     * even if nobody cancels it); returns the subscription id.
     */
    int subscribe(String printer, int leaseSeconds) throws IOException {
        Request r = request(CREATE_PRINTER_SUBSCRIPTIONS, printer);
        r.group(GROUP_SUBSCRIPTION);
        r.keyword("notify-pull-method", "ippget");
        r.keywords("notify-events", "job-created", "job-state-changed", "job-completed");
        r.integer("notify-lease-duration", leaseSeconds);
        List<Map<String, List<Object>>> groups = send(r, "/", GROUP_SUBSCRIPTION);
        for (Map<String, List<Object>> g : groups) {
            List<Object> id = g.get("notify-subscription-id");
            if (id != null && !id.isEmpty() && id.get(0) instanceof Integer i) {
                return i;
            }
        }
        throw new IOException("CUPS gave no subscription id");
    }

    /** The subscription's events so far (notify-job-id, job-name, job-state, job-state-reasons, notify-text…). */
    List<Map<String, List<Object>>> events(String printer, int subscriptionId) throws IOException {
        Request r = request(GET_NOTIFICATIONS, printer);
        r.integer("notify-subscription-ids", subscriptionId);
        r.integer("notify-sequence-numbers", 1);
        r.bool("notify-wait", false);
        return send(r, "/", GROUP_EVENT_NOTIFICATION);
    }

    void unsubscribe(String printer, int subscriptionId) throws IOException {
        Request r = request(CANCEL_SUBSCRIPTION, printer);
        r.integer("notify-subscription-id", subscriptionId);
        send(r, "/", 0x01);
    }

    private Request request(int operation, String printer) {
        Request r = new Request(operation, ++requestId);
        r.value(TAG_CHARSET, "attributes-charset", "utf-8");
        r.value(TAG_LANGUAGE, "attributes-natural-language", "en");
        r.value(TAG_URI, "printer-uri", "ipp://" + host + ":" + port + "/printers/" + printer);
        r.value(TAG_NAME, "requesting-user-name", System.getProperty("user.name", "kiosk"));
        return r;
    }

    private List<Map<String, List<Object>>> send(Request request, String path, int wantedGroup) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http", host, port, path).openConnection();
        c.setConnectTimeout(3000);
        c.setReadTimeout(5000);
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", "application/ipp");
        byte[] body = request.bytes();
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        if (c.getResponseCode() != 200) {
            throw new IOException("CUPS answered HTTP " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            return parse(new DataInputStream(in), wantedGroup);
        } finally {
            c.disconnect();
        }
    }

    private static List<Map<String, List<Object>>> parse(DataInputStream in, int wantedGroup) throws IOException {
        in.readShort(); // version
        int status = in.readUnsignedShort();
        in.readInt(); // request id
        List<Map<String, List<Object>>> groups = new ArrayList<>();
        Map<String, List<Object>> current = null;
        String last = null;
        while (true) {
            int tag = in.readUnsignedByte();
            if (tag == TAG_END) {
                break;
            }
            if (tag < 0x10) {
                // A new group: operation (1), job (2), printer (4), unsupported (5).
                current = new LinkedHashMap<>();
                if (tag == wantedGroup) {
                    groups.add(current);
                }
                continue;
            }
            String name = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
            byte[] value = in.readNBytes(in.readUnsignedShort());
            if (!name.isEmpty()) {
                last = name;
            }
            if (current != null && last != null) {
                current.computeIfAbsent(last, k -> new ArrayList<>()).add(decode(tag, value));
            }
        }
        // 0x0406 client-error-not-found: the caller sees an empty answer.
        if (status >= 0x0100 && status != 0x0406) {
            throw new IOException(String.format("CUPS IPP status 0x%04x", status));
        }
        return groups;
    }

    private static Object decode(int tag, byte[] v) {
        if ((tag == TAG_INTEGER || tag == TAG_ENUM) && v.length == 4) {
            return ((v[0] & 0xff) << 24) | ((v[1] & 0xff) << 16) | ((v[2] & 0xff) << 8) | (v[3] & 0xff);
        }
        if (tag == TAG_BOOLEAN && v.length == 1) {
            return v[0] != 0;
        }
        if (tag == 0x35 || tag == 0x36) {
            // textWithLanguage / nameWithLanguage: language then text, each with a length.
            int langLength = ((v[0] & 0xff) << 8) | (v[1] & 0xff);
            int at = 2 + langLength;
            int textLength = ((v[at] & 0xff) << 8) | (v[at + 1] & 0xff);
            return new String(v, at + 2, textLength, StandardCharsets.UTF_8);
        }
        return new String(v, StandardCharsets.UTF_8);
    }

    private static final class Request {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Request(int operation, int id) {
            out.write(1); // IPP/1.1: enough for these operations, understood by every CUPS
            out.write(1);
            short2(operation);
            int4(id);
            out.write(0x01); // operation attributes
        }

        void value(int tag, String name, String value) {
            out.write(tag);
            string(name);
            string(value);
        }

        void keyword(String name, String value) {
            value(TAG_KEYWORD, name, value);
        }

        void keywords(String name, String... values) {
            for (int i = 0; i < values.length; i++) {
                value(TAG_KEYWORD, i == 0 ? name : "", values[i]);
            }
        }

        void integer(String name, int value) {
            out.write(TAG_INTEGER);
            string(name);
            short2(4);
            int4(value);
        }

        void bool(String name, boolean value) {
            out.write(TAG_BOOLEAN);
            string(name);
            short2(1);
            out.write(value ? 1 : 0);
        }

        /** Starts another attribute group (subscription attributes after the operation's). */
        void group(int tag) {
            out.write(tag);
        }

        byte[] bytes() {
            out.write(TAG_END);
            return out.toByteArray();
        }

        private void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            short2(b.length);
            out.writeBytes(b);
        }

        private void short2(int v) {
            out.write(v >> 8);
            out.write(v);
        }

        private void int4(int v) {
            short2(v >>> 16);
            short2(v & 0xffff);
        }
    }
}
