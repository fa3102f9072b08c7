// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Responses as values, so that faults can delay, cut or spoil them after a handler has run. */
final class Http {
    static final String PROBLEM_BASE = "https://portal.motcua.example/problems/";

    private Http() {
    }

    static final class Response {
        final int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.body = body == null ? new byte[0] : body;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
        }

        Response header(String name, Object value) {
            headers.put(name, String.valueOf(value));
            return this;
        }

        boolean isJson() {
            String ct = headers.getOrDefault("Content-Type", "");
            return ct.contains("json") && body.length > 0;
        }
    }

    static Response empty(int status) {
        return new Response(status, null, null);
    }

    static Response html(String html) {
        return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    record FieldError(String path, String code, String message) {
    }

    /** A refusal that becomes an RFC 9457 problem+json response. */
    static final class ApiException extends RuntimeException {
        final int status;
        final String type;
        final String title;
        final List<FieldError> errors;
        final Map<String, String> headers = new LinkedHashMap<>();

        ApiException(int status, String type, String title, String detail) {
            this(status, type, title, detail, List.of());
        }

        ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
            super(detail, null, false, false);
            this.status = status;
            this.type = type;
            this.title = title;
            this.errors = List.copyOf(errors);
        }

        ApiException header(String name, Object value) {
            headers.put(name, String.valueOf(value));
            return this;
        }

        Map<String, Object> body() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", PROBLEM_BASE + type);
            m.put("title", title);
            m.put("status", status);
            if (getMessage() != null) {
                m.put("detail", getMessage());
            }
            if (!errors.isEmpty()) {
                List<Map<String, String>> list = new ArrayList<>();
                for (FieldError e : errors) {
                    list.add(Map.of("path", e.path(), "code", e.code(), "message", e.message()));
                }
                m.put("errors", list);
            }
            return m;
        }
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Không tìm thấy", what);
    }

    static ApiException validation(List<FieldError> errors) {
        return new ApiException(422, "validation", "Hồ sơ chưa hợp lệ", errors.size() + " trường cần sửa", errors);
    }

    static ApiException badRequest(String type, String detail) {
        return new ApiException(400, type, "Yêu cầu không đọc được", detail);
    }

    static ApiException conflict(String type, String detail) {
        return new ApiException(409, type, "Không thực hiện được ở trạng thái hiện tại", detail);
    }
}
