package dev.eliza.persistence.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.api.Migration;
import dev.eliza.persistence.api.PersistenceException;

/** Migrations against a real PostgreSQL: the embedded server this bundle ships, in a temporary folder. */
class EmbeddedPostgresMigrationTest {
    @TempDir
    static Path data;
    static EmbeddedPostgres postgres;
    static PGSimpleDataSource dataSource;

    @BeforeAll
    static void start() {
        postgres = new EmbeddedPostgres(data, Optional.empty(), new ProcessRunner());
        PostgresUrl url = postgres.start("test-binaries");
        dataSource = new PGSimpleDataSource();
        url.applyTo(dataSource);
    }

    @AfterAll
    static void stop() {
        postgres.stop();
    }

    @Test
    void concurrentNodesApplyEachMigrationOnce() throws Exception {
        List<Migration> migrations = List.of(new Migration(1, "create t", "CREATE TABLE t (id int)"),
                new Migration(2, "seed t", "INSERT INTO t VALUES (1)"));
        Migrator migrator = new Migrator(dataSource);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> migrator.migrate("demo", migrations));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> migrator.migrate("demo", migrations));
        CompletableFuture.allOf(a, b).join();
        migrator.migrate("demo", migrations);
        assertThat(count("SELECT count(*) FROM t")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM flyway_history_demo WHERE success")).isEqualTo(2);
    }

    @Test
    void aFailingMigrationLeavesTheSchemaAsItWas() throws Exception {
        List<Migration> migrations = List.of(new Migration(1, "create u", "CREATE TABLE u (id int)"),
                new Migration(2, "broken", "INSERT INTO nowhere VALUES (1)"));
        assertThatThrownBy(() -> new Migrator(dataSource).migrate("broken", migrations))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("nowhere");
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'u'")).isZero();
        assertThat(count("SELECT count(*) FROM flyway_history_broken WHERE type = 'SQL'")).isZero();
    }

    @Test
    void anEditedAppliedMigrationIsRefused() {
        Migrator migrator = new Migrator(dataSource);
        migrator.migrate("edited", List.of(new Migration(1, "create e", "CREATE TABLE e (id int)")));
        assertThatThrownBy(() -> migrator.migrate("edited",
                List.of(new Migration(1, "create e", "CREATE TABLE e (id bigint)"))))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("edited")
                .hasMessageContaining("checksum");
    }

    @Test
    void aNewMigrationIsAppliedOnTopOfTheOnesApplied() throws Exception {
        Migrator migrator = new Migrator(dataSource);
        Migration first = new Migration(1, "create g", "CREATE TABLE g (id int)");
        migrator.migrate("growing", List.of(first));
        migrator.migrate("growing", List.of(first, new Migration(2, "add g name", "ALTER TABLE g ADD name text")));
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'g'")).isEqualTo(2);
    }

    @Test
    void aListAlreadyAppliedByThisMigratorIsNotAppliedAgainButAChangedOneIs() throws Exception {
        Migrator migrator = new Migrator(dataSource);
        List<Migration> migrations = List.of(new Migration(1, "create r", "CREATE TABLE r (id int)"));
        migrator.migrate("repeated", migrations);
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            // another node migrating: a run of Flyway would wait for this lock
            s.execute("SELECT pg_advisory_lock(" + Migrator.LOCK_KEY + ")");
            CompletableFuture<Void> again = CompletableFuture.runAsync(() -> migrator.migrate("repeated",
                    List.of(new Migration(1, "create r", "CREATE TABLE r (id int)"))));
            again.get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> changed = CompletableFuture.runAsync(() -> migrator.migrate("repeated",
                    List.of(migrations.get(0), new Migration(2, "add r name", "ALTER TABLE r ADD name text"))));
            awaitAWaiterForAnAdvisoryLock();
            assertThat(changed).as("a changed list waits for the lock").isNotDone();
            s.execute("SELECT pg_advisory_unlock(" + Migrator.LOCK_KEY + ")");
            changed.get(30, TimeUnit.SECONDS);
        }
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'r'")).isEqualTo(2);
    }

    @Test
    void afterARestartAnUnchangedListNeedsNoFlywayRunButAChangedOneGetsIt() throws Exception {
        List<Migration> migrations = List.of(new Migration(1, "create q", "CREATE TABLE q (id int)"));
        new Migrator(dataSource).migrate("restarted", migrations);
        Migrator afterRestart = new Migrator(dataSource);
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + Migrator.LOCK_KEY + ")");
            CompletableFuture.runAsync(() -> afterRestart.migrate("restarted", migrations)).get(30, TimeUnit.SECONDS);
            CompletableFuture<Void> edited = CompletableFuture.runAsync(() -> afterRestart.migrate("restarted",
                    List.of(new Migration(1, "create q", "CREATE TABLE q (id bigint)"))));
            awaitAWaiterForAnAdvisoryLock();
            assertThat(edited).as("an edited list goes to Flyway, under the lock").isNotDone();
            s.execute("SELECT pg_advisory_unlock(" + Migrator.LOCK_KEY + ")");
            assertThatThrownBy(() -> edited.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PersistenceException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Test
    void aDomainRecordedInTheOldHistoryTableIsCarriedOver() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_history (domain text NOT NULL, version int NOT NULL,"
                    + " description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
                    + " PRIMARY KEY (domain, version))");
            s.execute("CREATE TABLE old_items (id int)");
            s.execute("INSERT INTO schema_history (domain, version, description) VALUES ('old', 1, 'create items')");
        }
        List<Migration> migrations = List.of(new Migration(1, "create items", "CREATE TABLE old_items (id int)"),
                new Migration(2, "add name", "ALTER TABLE old_items ADD name text"));
        new Migrator(dataSource).migrate("old", migrations);
        new Migrator(dataSource).migrate("old", migrations);
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'old_items'"))
                .isEqualTo(2);
        assertThat(count("SELECT max(version::int) FROM flyway_history_old WHERE success")).isEqualTo(2);
    }

    @Test
    void theServerRunsWithDurableSettings() throws Exception {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
    }

    /** Returns once some connection waits for an advisory lock, or after 30 s. */
    private static void awaitAWaiterForAnAdvisoryLock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String setting(String name) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
