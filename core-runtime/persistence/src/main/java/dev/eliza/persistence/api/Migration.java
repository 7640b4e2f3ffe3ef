package dev.eliza.persistence.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

/**
 * One versioned schema change of a domain.
 *
 * @param version a positive number; migrations apply in increasing order
 * @param description what the change does, from the file name
 * @param sql the statements to run
 */
public record Migration(int version, String description, String sql) {
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");

    /**
     * The migrations shipped in {@code bundle} under {@code folder}, named {@code V<version>__<description>.sql}.
     *
     * @throws PersistenceException when a file cannot be read or is misnamed
     */
    public static List<Migration> scan(Bundle bundle, String folder) {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        List<Migration> migrations = new ArrayList<>();
        for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String name = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            Matcher matcher = FILE.matcher(name);
            if (!matcher.matches()) {
                throw new PersistenceException("Misnamed migration " + name + " (expected V<n>__<what>.sql)");
            }
            try (InputStream in = url.openStream()) {
                migrations.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new PersistenceException("Cannot read migration " + name, e);
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        return List.copyOf(migrations);
    }
}
