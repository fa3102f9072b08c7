// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The /api/v1 routes of docs/api/portal-v1.yaml, each named by its operationId, to the resource
 * class that serves it. Only the routing is here; each resource is its own small class.
 */
final class Api {
    static final Set<String> OPERATIONS = Set.of("createDeviceSession", "listProcedures", "listAgencies",
            "createDossier", "getDossier", "tusOptions", "createUpload", "headUpload", "patchUpload", "terminateUpload", "submitDossier",
            "getStatusByCode", "lookupDossier", "getLookupResult", "getResult", "createPaymentIntent", "getPaymentIntent");

    /** One request as a handler sees it. */
    static final class Call {
        final HttpExchange exchange;
        final Matcher params;
        final Faults.Decision decision;
        String kioskId;
        boolean connectionDropped;

        Call(HttpExchange exchange, Matcher params, Faults.Decision decision) {
            this.exchange = exchange;
            this.params = params;
            this.decision = decision;
        }

        String param(String name) {
            return params.group(name);
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    interface Handler {
        Response handle(Call call) throws IOException;
    }

    record Route(String method, Pattern path, String operationId, boolean authenticated, Handler handler) {
    }

    final List<Route> routes = new ArrayList<>();
    final DeviceSessions sessions;
    final Listings listings;
    final Statuses statuses;
    final Payments payments;
    final Uploads uploads;

    Api(Store store, PortalClock clock, Catalogue catalogue, Wire wire, Path uploadDir, Duration tokenTtl, String apiUrl) {
        sessions = new DeviceSessions(store, wire, tokenTtl);
        listings = new Listings(store, catalogue, wire);
        statuses = new Statuses(store, clock, catalogue, wire);
        payments = new Payments(store, clock, wire);
        uploads = new Uploads(store, clock, catalogue, uploadDir, apiUrl);
        Submissions submissions = new Submissions(store, clock, catalogue, wire, statuses);
        Dossiers dossiers = new Dossiers(store, clock, catalogue, wire, apiUrl, listings, uploads, statuses, submissions);
        Results results = new Results(store, catalogue, wire, statuses);
        Lookups lookups = new Lookups(store, wire, statuses, results);
        String id = "(?<id>[A-Za-z0-9-]+)";
        String upload = "/dossiers/" + id + "/documents/(?<upload>[A-Za-z0-9-]+)";
        route("POST", "/device-sessions", "createDeviceSession", false, sessions::create);
        route("GET", "/procedures", "listProcedures", true, listings::procedures);
        route("GET", "/agencies", "listAgencies", true, listings::agencies);
        route("POST", "/dossiers", "createDossier", true, dossiers::create);
        route("GET", "/dossiers/by-code/(?<code>[0-9A-Za-z.]+-\\d{6}-\\d{4})", "getStatusByCode", true, statuses::byCode);
        route("GET", "/dossiers/" + id, "getDossier", true, dossiers::get);
        route("OPTIONS", "/dossiers/" + id + "/documents", "tusOptions", false, uploads::options);
        route("POST", "/dossiers/" + id + "/documents", "createUpload", true, uploads::create);
        route("HEAD", upload, "headUpload", true, uploads::head);
        route("PATCH", upload, "patchUpload", true, uploads::patch);
        route("DELETE", upload, "terminateUpload", true, new Terminations(store, uploads)::terminate);
        route("POST", "/dossiers/" + id + "/submit", "submitDossier", true, submissions::submit);
        route("GET", "/dossiers/" + id + "/result", "getResult", true, results::get);
        route("POST", "/dossiers/" + id + "/payment-intents", "createPaymentIntent", true, payments::create);
        route("GET", "/payment-intents/" + id, "getPaymentIntent", true, payments::get);
        route("POST", "/dossier-lookups", "lookupDossier", true, lookups::lookup);
        route("GET", "/dossier-lookups/" + id + "/result", "getLookupResult", true, lookups::result);
    }

    private void route(String method, String path, String op, boolean auth, Handler h) {
        routes.add(new Route(method, Pattern.compile(path), op, auth, h));
    }
}
