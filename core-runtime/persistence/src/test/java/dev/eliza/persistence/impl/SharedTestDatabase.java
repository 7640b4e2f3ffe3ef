package dev.eliza.persistence.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.ds.PGSimpleDataSource;

import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;

/**
 * A real PostgreSQL for other bundles' tests: the persistence bundle's own embedded server, migrator and MyBatis
 * factories, started once per test JVM (in this package because they are package-private) and stopped at exit.
 */
public final class SharedTestDatabase implements Database {
    private static SharedTestDatabase instance;

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    private SharedTestDatabase(PostgresUrl url) {
        url.applyTo(dataSource);
    }

    /**
     * The migrations a bundle ships as {@code <folder>/V<n>__<description>.sql}, read from {@code loader}: the
     * {@code n}-th description names version {@code n}, with spaces for the file name's underscores.
     */
    public static List<Migration> migrations(ClassLoader loader, String folder, String... descriptions) {
        List<Migration> migrations = new ArrayList<>();
        for (int i = 0; i < descriptions.length; i++) {
            String file = folder + "/V" + (i + 1) + "__" + descriptions[i].replace(' ', '_') + ".sql";
            try (InputStream in = loader.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalArgumentException("No migration " + file);
                }
                migrations.add(new Migration(i + 1, descriptions[i],
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return migrations;
    }

    /** The database, started on first use. */
    public static synchronized SharedTestDatabase get() {
        if (instance == null) {
            try {
                Path data = Files.createTempDirectory("shared-test-pg");
                EmbeddedPostgres postgres = new EmbeddedPostgres(data, Optional.empty(), new ProcessRunner());
                instance = new SharedTestDatabase(postgres.start("test-binaries"));
                Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void migrate(String domain, List<Migration> migrations) {
        new Migrator(dataSource).migrate(domain, migrations);
    }

    @Override
    public SqlSessionFactory sessionFactory(ClassLoader classLoader, Class<?>... mappers) {
        return SessionFactories.create(dataSource, classLoader, mappers);
    }
}
