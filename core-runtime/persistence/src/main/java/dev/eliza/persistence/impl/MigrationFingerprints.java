package dev.eliza.persistence.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.eliza.persistence.api.Migration;

/**
 * What each domain's migrations were when Flyway last applied them all, as a SHA-256 of the list: a start that
 * brings the same list again needs no Flyway run (tens of milliseconds each, most of them round trips to
 * PostgreSQL, for every domain on every start). A changed list (a new migration, an edited one) differs, and Flyway
 * then applies or refuses it as always. Written only under the migration lock, after a successful run.
 */
final class MigrationFingerprints {
    static final String TABLE = "eliza_migration_fingerprints";

    private MigrationFingerprints() {
    }

    static String of(List<Migration> migrations) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Migration migration : migrations) {
                digest.update((migration.version() + "\0" + migration.description() + "\0" + migration.sql() + "\0")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The fingerprint recorded for {@code domain}, if any. */
    static Optional<String> recorded(Connection connection, String domain) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT to_regclass(quote_ident(current_schema()) || '." + TABLE + "') IS NOT NULL")) {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT fingerprint FROM " + TABLE + " WHERE domain = ?")) {
            query.setString(1, domain);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records {@code fingerprint} as what {@code domain} has applied; the caller holds the migration lock. */
    static void record(Connection connection, String domain, String fingerprint) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (domain text PRIMARY KEY,"
                    + " fingerprint text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())");
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (domain, fingerprint) VALUES (?, ?) ON CONFLICT (domain) DO UPDATE"
                + " SET fingerprint = excluded.fingerprint, recorded_at = now()")) {
            upsert.setString(1, domain);
            upsert.setString(2, fingerprint);
            upsert.executeUpdate();
        }
    }
}
