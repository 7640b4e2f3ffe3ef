package dev.eliza.bootstrap;

import java.util.Locale;

/** How log lines are written: {@code LOG_FORMAT=text} (the default) or {@code json}, one object per line. */
enum LogFormat {
    TEXT, JSON;

    /** The format a setting names; anything else stops the start with a message naming the choices. */
    static LogFormat parse(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "", "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException(
                    "LOG_FORMAT must be text or json, not '" + setting + "'");
        };
    }
}
