// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Faults switched on at run time (POST /trainer/faults). Each rule names an endpoint by its
 * OpenAPI operationId (or "*"), a kind, a probability and optionally how many times it may fire.
 * Rules never apply to /trainer, so a trainer can always switch them off again.
 */
final class Faults {
    enum Kind {
        /** wait latencyMs before handling */
        LATENCY,
        /** answer `status` (default 503) without handling; Retry-After when retryAfterSeconds > 0 */
        ERROR,
        /**
         * answer `status` (4xx, default 422) without handling: the portal refuses the request for
         * good, with `title` and `detail` as the problem's (a trainer can make them echo what a citizen typed)
         */
        REFUSE,
        /** answer 429 with Retry-After (default 1 s) without handling; with count N: a burst of N */
        RATE_LIMIT,
        /** close the connection without handling and without an answer */
        DROP_CONNECTION,
        /** handle the request, then close the connection without an answer ("did it work?") */
        DROP_RESPONSE,
        /** PATCH uploads: keep the first afterBytes bytes of the body, then close the connection */
        DROP_MID_UPLOAD,
        /** handle, then send only the first half of the JSON body (correctly framed) */
        TRUNCATED_JSON,
        /** handle, then send a JSON body with a syntax error */
        MALFORMED_JSON,
        /** e-results (getResult, getLookupResult): the PDF without its signature */
        UNSIGNED_RESULT,
        /** e-results: the signed PDF with one byte of the signed part changed afterwards */
        TAMPERED_RESULT,
        /** e-results: the signed PDF with a page appended afterwards (the signature no longer covers the whole file) */
        APPENDED_RESULT
    }

    private static final Set<Kind> RESULT_KINDS = Set.of(Kind.UNSIGNED_RESULT, Kind.TAMPERED_RESULT, Kind.APPENDED_RESULT);
    private static final Set<String> RESULT_ENDPOINTS = Set.of("getResult", "getLookupResult");

    /** One rule as posted; public fields so that Jackson reads it and refuses unknown keys. */
    public static final class Rule {
        public String endpoint = "*";
        public Kind kind;
        public double rate = 1.0;
        public Integer count;
        /** ERROR: default 503; REFUSE: default 422 (set by validate) */
        public Integer status;
        public long latencyMs;
        public int retryAfterSeconds = -1;
        public long afterBytes = 0;
        public String title;
        public String detail;
        public int fired;

        void validate() {
            if (kind == null) {
                throw new IllegalArgumentException("rule without kind");
            }
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rate must be within 0..1");
            }
            if (status == null) {
                status = kind == Kind.REFUSE ? 422 : 503;
            }
            if (kind == Kind.ERROR && (status < 500 || status > 599) && status != 429) {
                throw new IllegalArgumentException("ERROR status must be 5xx or 429");
            }
            if (kind == Kind.REFUSE && (status < 400 || status > 499 || status == 408 || status == 429)) {
                throw new IllegalArgumentException("REFUSE status must be 4xx (not 408 or 429: those are retried)");
            }
            if (endpoint == null || !(endpoint.equals("*") || Api.OPERATIONS.contains(endpoint))) {
                throw new IllegalArgumentException("unknown endpoint " + endpoint + "; use an operationId or *");
            }
            if (kind == Kind.DROP_MID_UPLOAD && !"*".equals(endpoint) && !"patchUpload".equals(endpoint)) {
                throw new IllegalArgumentException("DROP_MID_UPLOAD applies to patchUpload only");
            }
            if (RESULT_KINDS.contains(kind) && !"*".equals(endpoint) && !RESULT_ENDPOINTS.contains(endpoint)) {
                throw new IllegalArgumentException(kind + " applies to getResult and getLookupResult only");
            }
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("endpoint", endpoint);
            m.put("kind", kind);
            m.put("rate", rate);
            m.put("count", count);
            switch (kind) {
                case LATENCY -> m.put("latencyMs", latencyMs);
                case ERROR -> {
                    m.put("status", status);
                    m.put("retryAfterSeconds", retryAfterSeconds);
                }
                case REFUSE -> m.put("status", status);
                case RATE_LIMIT -> m.put("retryAfterSeconds", retryAfterSeconds < 0 ? 1 : retryAfterSeconds);
                case DROP_MID_UPLOAD -> m.put("afterBytes", afterBytes);
                default -> { }
            }
            m.put("fired", fired);
            return m;
        }
    }

    public static final class Settings {
        public Long seed;
        public List<Rule> rules = new ArrayList<>();
    }

    /** What to do to one request. outcome null = handle normally. */
    record Decision(long latencyMs, Rule outcome) {
        static final Decision NONE = new Decision(0, null);

        boolean is(Kind k) {
            return outcome != null && outcome.kind == k;
        }
    }

    private static final Set<Kind> OUTCOMES = Set.of(Kind.ERROR, Kind.REFUSE, Kind.RATE_LIMIT, Kind.DROP_CONNECTION,
            Kind.DROP_RESPONSE, Kind.DROP_MID_UPLOAD, Kind.TRUNCATED_JSON, Kind.MALFORMED_JSON, Kind.UNSIGNED_RESULT,
            Kind.TAMPERED_RESULT, Kind.APPENDED_RESULT);

    private List<Rule> rules = List.of();
    private Random random = new Random();

    synchronized void replace(Settings s) {
        for (Rule r : s.rules) {
            r.validate();
            r.fired = 0;
        }
        rules = List.copyOf(s.rules);
        random = s.seed == null ? new Random() : new Random(s.seed);
    }

    synchronized void clear() {
        rules = List.of();
    }

    synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        rules.forEach(r -> out.add(r.describe()));
        return out;
    }

    synchronized Decision decide(String operationId) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        long latency = 0;
        Rule outcome = null;
        for (Rule r : rules) {
            boolean matches = r.endpoint.equals("*") || r.endpoint.equals(operationId);
            if (!matches || (r.count != null && r.fired >= r.count)) {
                continue;
            }
            if (r.kind == Kind.DROP_MID_UPLOAD && !"patchUpload".equals(operationId)) {
                continue;
            }
            if (RESULT_KINDS.contains(r.kind) && !RESULT_ENDPOINTS.contains(operationId)) {
                continue;
            }
            boolean isOutcome = OUTCOMES.contains(r.kind);
            if (isOutcome && outcome != null) {
                continue; // one outcome per request; later rules keep their counts
            }
            if (r.rate < 1.0 && random.nextDouble() >= r.rate) {
                continue;
            }
            r.fired++;
            if (isOutcome) {
                outcome = r;
            } else {
                latency += r.latencyMs;
            }
        }
        return new Decision(latency, outcome);
    }
}
