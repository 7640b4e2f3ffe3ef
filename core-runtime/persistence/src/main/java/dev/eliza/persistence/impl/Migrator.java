package dev.eliza.persistence.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.PersistenceException;

/**
 * Applies a domain's pending migrations with Flyway, one history table per domain ({@code flyway_history_<domain>})
 * whose checksums make an edited, already applied migration fail the start instead of being skipped. All pending
 * migrations of a call run in one transaction. A session advisory lock serialises callers across nodes, which also
 * covers carrying over a domain recorded only in the history table of earlier releases ({@code schema_history}): its
 * highest version there becomes the Flyway baseline. A list this migrator has already applied for a domain is not
 * applied again (several stores of one bundle migrate the same domain as they start), nor one whose fingerprint the
 * database records as applied ({@link MigrationFingerprints}): each Flyway run costs tens of milliseconds of the
 * start.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    static final long LOCK_KEY = 0x454c495a414d4947L;
    static final String LEGACY_TABLE = "schema_history";

    private final DataSource dataSource;
    private final Map<String, List<Migration>> applied = new ConcurrentHashMap<>();

    Migrator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String historyTable(String domain) {
        return "flyway_history_" + domain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    void migrate(String domain, List<Migration> migrations) {
        if (migrations.equals(applied.get(domain))) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Flyway finds its database support through ServiceLoader on the context loader: it must be this bundle's.
        thread.setContextClassLoader(Migrator.class.getClassLoader());
        String fingerprint = MigrationFingerprints.of(migrations);
        try (Connection lock = dataSource.getConnection()) {
            if (MigrationFingerprints.recorded(lock, domain).filter(fingerprint::equals).isPresent()) {
                applied.put(domain, List.copyOf(migrations));
                return;
            }
            execute(lock, "SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                migrateLocked(lock, domain, migrations);
                MigrationFingerprints.record(lock, domain, fingerprint);
                applied.put(domain, List.copyOf(migrations));
            } finally {
                execute(lock, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (FlywayValidateException e) {
            throw new PersistenceException("Migrations of domain " + domain + " do not match what this database has"
                    + " applied (an applied migration was edited, renamed or removed?). Restore the original file and"
                    + " put the change in a new migration. Flyway says: " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new PersistenceException("Migrating domain " + domain + " failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new PersistenceException("Migrating domain " + domain + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void migrateLocked(Connection connection, String domain, List<Migration> migrations)
            throws SQLException {
        String table = historyTable(domain);
        Optional<Integer> legacy = exists(connection, table) ? Optional.empty() : legacyVersion(connection, domain);
        // Domains share one schema, so a domain's first run always meets a non-empty one: it starts from a
        // baseline, below every migration of its own unless earlier releases recorded some.
        MigrateResult result = configure(table, migrations)
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(legacy.orElse(0)))
                .baselineDescription(legacy.isPresent() ? "carried over from " + LEGACY_TABLE : "baseline")
                .load().migrate();
        legacy.ifPresent(version -> LOG.info("Migrations of {} up to V{} carried over from {} into {}", domain,
                version, LEGACY_TABLE, table));
        for (MigrateOutput applied : result.migrations) {
            LOG.info("Applied migration {} V{} ({})", domain, applied.version, applied.description);
        }
    }

    private FluentConfiguration configure(String table, List<Migration> migrations) {
        return Flyway.configure(Migrator.class.getClassLoader())
                .dataSource(dataSource)
                .table(table)
                .resourceProvider(new MigrationResources(migrations))
                .javaMigrationClassProvider(List::of)
                .group(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .loggers("slf4j");
    }

    private static Optional<Integer> legacyVersion(Connection connection, String domain) throws SQLException {
        if (!exists(connection, LEGACY_TABLE)) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT max(version) FROM " + LEGACY_TABLE + " WHERE domain = ?")) {
            query.setString(1, domain);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                int version = rows.getInt(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(version);
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) IS NOT NULL")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
