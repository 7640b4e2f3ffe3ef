package dev.eliza.persistence.impl;

import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import dev.eliza.persistence.api.Migration;

/**
 * Hands a domain's {@link Migration}s to Flyway as SQL resources named the way Flyway expects
 * ({@code V<version>__<description>.sql}), so Flyway never scans a class path (which inside OSGi would be the
 * wrong bundle's) and computes its checksums from the SQL itself.
 */
final class MigrationResources implements ResourceProvider {
    private final List<SqlResource> resources;

    MigrationResources(List<Migration> migrations) {
        this.resources = migrations.stream().map(SqlResource::new).toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getFilename().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix))
                .filter(r -> Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }

    /** One migration's SQL under its Flyway file name. */
    private static final class SqlResource extends LoadableResource {
        private final String filename;
        private final String sql;

        SqlResource(Migration migration) {
            this.filename = "V" + migration.version() + "__" + migration.description().replace(' ', '_') + ".sql";
            this.sql = migration.sql();
        }

        @Override
        public Reader read() {
            return new StringReader(sql);
        }

        @Override
        public String getAbsolutePath() {
            return filename;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return filename;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return filename;
        }
    }
}
