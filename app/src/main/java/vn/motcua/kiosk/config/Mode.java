package vn.motcua.kiosk.config;

/** production: the real portal from the config; training: the bundled training portal, bannered. */
public enum Mode { production, training }
