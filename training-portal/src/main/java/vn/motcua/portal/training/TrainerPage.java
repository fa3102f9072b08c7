// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /trainer: one plain HTML page (no script) where a trainer pays a dossier, forces a status,
 * moves the clock, withdraws a procedure, switches faults and erases every dossier. It shows codes, never names.
 */
final class TrainerPage {
    private TrainerPage() {
    }

    static List<Map<String, Object>> dossiers(Store store, Api api) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : store.query("SELECT * FROM dossiers WHERE state = 'SUBMITTED' ORDER BY received_at DESC LIMIT 50")) {
            Map<String, Object> s = api.statuses.statusView(d);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dossierCode", s.get("dossierCode"));
            m.put("procedureId", s.get("procedureId"));
            m.put("status", s.get("status"));
            m.put("dueAt", s.get("dueAt"));
            m.put("late", s.get("late"));
            m.put("fee", ((Number) d.get("fee")).longValue());
            m.put("paymentStatus", s.get("paymentStatus"));
            m.put("forced", ((Number) d.get("forced")).intValue() != 0);
            out.add(m);
        }
        return out;
    }

    static String render(TrainingPortal portal, Store store, Api api, PortalClock clock, Faults faults, ObjectMapper json) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=vi><head><meta charset=utf-8><title>Cổng tập huấn — người hướng dẫn</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;")
                .append("padding:4px 8px}th{background:#f3f3f3}.banner{background:#e67e22;color:#fff;padding:6px 12px;font-weight:bold}")
                .append("form{display:inline}.late{color:#b00;font-weight:bold}textarea{width:100%;font-family:monospace}</style></head><body>")
                .append("<div class=banner>TẬP HUẤN — cổng dịch vụ công giả lập, tiền và mã hồ sơ không có thật</div>")
                .append("<h1>Người hướng dẫn</h1><p>API: <code>").append(esc(portal.apiUrl())).append("</code></p>");

        h.append("<h2>Đồng hồ</h2><p>Giờ cổng: <b>").append(esc(Wire.time(clock.now().toString()))).append("</b>, tốc độ ×")
                .append(clock.speed()).append("</p>");
        for (String[] step : new String[][] {{"3600", "+1 giờ"}, {"86400", "+1 ngày"}, {"604800", "+1 tuần"}}) {
            h.append("<form method=post action=/trainer/clock><input type=hidden name=advanceSeconds value=").append(step[0])
                    .append("><button>").append(step[1]).append("</button></form> ");
        }
        h.append("<form method=post action=/trainer/tokens/expire><button>Hết hạn mọi phiên thiết bị</button></form>");

        // No script on this page: the ticked box is the confirmation the browser asks for.
        h.append("<h2>Bắt đầu tập huấn lại</h2><form method=post action=/trainer/erase><label><input type=checkbox name=confirm required> ")
                .append("Xóa ngay mọi hồ sơ tập huấn cùng giấy tờ, thanh toán</label> <button>Xóa mọi hồ sơ</button></form>");

        h.append("<h2>Hồ sơ (50 gần nhất)</h2><table><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Trạng thái</th><th>Hạn trả</th>")
                .append("<th>Lệ phí</th><th>Thanh toán</th><th>Thao tác</th></tr>");
        for (Map<String, Object> d : dossiers(store, api)) {
            String code = String.valueOf(d.get("dossierCode"));
            boolean late = Boolean.TRUE.equals(d.get("late"));
            h.append("<tr><td><code>").append(esc(code)).append("</code></td><td>").append(esc(String.valueOf(d.get("procedureId"))))
                    .append("</td><td>").append(esc(String.valueOf(d.get("status")))).append(Boolean.TRUE.equals(d.get("forced")) ? " (đặt tay)" : "")
                    .append(late ? " <span class=late>TRỄ HẠN</span>" : "").append("</td><td>").append(esc(String.valueOf(d.get("dueAt"))))
                    .append("</td><td>").append(esc(Catalogue.vnd(((Number) d.get("fee")).longValue()))).append("</td><td>")
                    .append(esc(String.valueOf(d.get("paymentStatus")))).append("</td><td>");
            if (!"NOT_DUE".equals(d.get("paymentStatus")) && !"PAID".equals(d.get("paymentStatus"))) {
                h.append("<form method=post action=\"/trainer/dossiers/").append(esc(code)).append("/pay\"><button>Đã nhận tiền</button></form> ");
            }
            h.append("<form method=post action=\"/trainer/dossiers/").append(esc(code)).append("/status\"><select name=status>");
            for (String s : new String[] {"RECEIVED", "IN_PROGRESS", "DONE", "AUTO"}) {
                h.append("<option>").append(s).append("</option>");
            }
            h.append("</select><button>Đặt trạng thái</button></form></td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Thủ tục</h2><table><tr><th>Thủ tục</th><th>Trực tuyến</th><th></th></tr>");
        java.util.Set<String> withdrawn = api.listings.withdrawn();
        for (Map<String, Object> p : procedureIds(api)) {
            String id = String.valueOf(p.get("id"));
            boolean off = withdrawn.contains(id);
            h.append("<tr><td>").append(esc(id)).append("</td><td>").append(off ? "ngừng" : "có").append("</td><td>")
                    .append("<form method=post action=\"/trainer/procedures/").append(esc(id)).append("/withdrawn\">")
                    .append("<input type=hidden name=withdrawn value=").append(!off).append("><button>")
                    .append(off ? "Mở lại" : "Ngừng tiếp nhận").append("</button></form></td></tr>");
        }
        h.append("</table>");

        String current;
        try {
            current = json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("rules", faults.describe()));
        } catch (JsonProcessingException e) {
            current = "{}";
        }
        h.append("<h2>Lỗi giả lập</h2><p>Kinds: LATENCY, ERROR, REFUSE, RATE_LIMIT, DROP_CONNECTION, DROP_RESPONSE, DROP_MID_UPLOAD, ")
                .append("TRUNCATED_JSON, MALFORMED_JSON. Endpoint = operationId or *. See docs/training-portal.md.</p>")
                .append("<form method=post action=/trainer/faults style=display:block><textarea name=json rows=14>")
                .append(esc(current)).append("</textarea><br><button>Áp dụng</button></form>")
                .append("<form method=post action=/trainer/faults><input type=hidden name=json value='{\"rules\":[]}'>")
                .append("<button>Tắt mọi lỗi</button></form>");
        h.append("</body></html>");
        return h.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> procedureIds(Api api) {
        List<Map<String, Object>> out = new ArrayList<>();
        // include withdrawn ones too, so they can be reopened
        for (Catalogue.Procedure p : apiCatalogue(api)) {
            out.add(Map.of("id", p.id()));
        }
        return out;
    }

    private static List<Catalogue.Procedure> apiCatalogue(Api api) {
        return api.listings.catalogue().procedures();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
