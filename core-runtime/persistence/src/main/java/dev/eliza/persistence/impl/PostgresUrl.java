package dev.eliza.persistence.impl;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL address given as ElizaOS does ({@code postgresql://user:pass@host:5432/db?sslmode=require}) or as a
 * JDBC URL ({@code jdbc:postgresql://host:5432/db?user=...}), split into what pgjdbc's data source takes. Query
 * parameters are pgjdbc connection properties ({@code sslmode}, {@code sslrootcert}, {@code options}, ...);
 * {@code user} and {@code password} there stand for the credentials. Components are percent-decoded as RFC 3986
 * says, so {@code +} stays a plus sign.
 *
 * <p>{@link #toString()} and {@link #redacted()} never show a password: they are what may be logged.
 */
record PostgresUrl(String host, int port, String database, Optional<String> user, Optional<String> password,
                   Map<String, String> properties) {
    /**
     * A server-side limit (pgjdbc's client-side query timeout arms a shared timer on every statement), ahead of the
     * operator's own {@code options} so that theirs win.
     */
    static final String BASE_OPTIONS = "-c statement_timeout=30000";

    PostgresUrl {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static PostgresUrl parse(String url) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // The input itself is left out: it may hold a password.
            throw new IllegalArgumentException("POSTGRES_URL is not a valid URL: " + e.getReason() + " at index "
                    + e.getIndex() + " (percent-encode reserved characters in the user name and password)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("POSTGRES_URL must start with postgresql:// or jdbc:postgresql://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("POSTGRES_URL names no host (expected postgresql://host[:port]/db)");
        }
        String[] userInfo = uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
        Map<String, String> properties = query(uri.getRawQuery());
        Optional<String> user = Optional.ofNullable(properties.remove("user"))
                .or(() -> userInfo.length > 0 ? Optional.of(decode(userInfo[0])) : Optional.empty())
                .filter(u -> !u.isEmpty());
        Optional<String> password = Optional.ofNullable(properties.remove("password"))
                .or(() -> userInfo.length > 1 ? Optional.of(decode(userInfo[1])) : Optional.empty());
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres"
                : decode(uri.getRawPath().substring(1));
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password,
                properties);
    }

    /** Applies the whole address to {@code source}; an unknown connection property is refused by name. */
    void applyTo(PGSimpleDataSource source) {
        source.setServerNames(new String[] {host});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        user.ifPresent(source::setUser);
        password.ifPresent(source::setPassword);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            try {
                source.setProperty(property.getKey(), property.getValue());
            } catch (SQLException | RuntimeException e) {
                throw new IllegalArgumentException("POSTGRES_URL parameter '" + property.getKey()
                        + "' is not a PostgreSQL JDBC connection property (see the pgjdbc documentation)");
            }
        }
        source.setOptions(Optional.ofNullable(properties.get("options")).map(o -> BASE_OPTIONS + " " + o)
                .orElse(BASE_OPTIONS));
    }

    /** The same server as a JDBC URL, credentials left out and secret parameters masked: safe to log. */
    String redacted() {
        String query = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? "***" : e.getValue()))
                .collect(Collectors.joining("&"));
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return redacted() + user.map(u -> " as " + u).orElse("");
    }

    private static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.contains("password") || name.contains("secret") || name.contains("token");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return properties;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            properties.put(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return properties;
    }

    /** Percent-decoding only: {@link URLDecoder} alone would also turn {@code +} into a space. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("POSTGRES_URL holds a malformed percent-escape");
        }
    }
}
