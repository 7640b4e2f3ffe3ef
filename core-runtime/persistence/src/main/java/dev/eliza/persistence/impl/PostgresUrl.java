package dev.eliza.persistence.impl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL address given as ElizaOS does ({@code postgresql://user:pass@host:5432/db}) or as a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=...}), split into what pgjdbc's data source takes.
 */
record PostgresUrl(String host, int port, String database, Optional<String> user, Optional<String> password,
                   String query) {

    static PostgresUrl parse(String url) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri = URI.create(text);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("POSTGRES_URL must start with postgresql:// or jdbc:postgresql://");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new PostgresUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, user, password,
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    /** The same server as a JDBC URL without credentials, safe to log. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
