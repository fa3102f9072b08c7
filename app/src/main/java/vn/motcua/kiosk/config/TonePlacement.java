package vn.motcua.kiosk.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the Vietnamese keyboard puts the tone on open oa/oe/uy: old style hòa, thủy; new style hoà, thuỷ. */
public enum TonePlacement {
    OLD("old"), NEW("new");

    private final String json;

    TonePlacement(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
