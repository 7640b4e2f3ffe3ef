package dev.eliza.bootstrap;

import java.util.Arrays;
import java.util.List;

import org.osgi.framework.ServiceReference;

/** What the operator is told once the platform is up. */
record StartupReport(String url, boolean authRequired, String databaseMode, List<String> mounts) {

    static StartupReport of(ServiceReference<?> http, ServiceReference<?> database) {
        Object mounts = http.getProperty("mounts");
        return new StartupReport(String.valueOf(http.getProperty("url")),
                Boolean.TRUE.equals(http.getProperty("authRequired")), String.valueOf(database.getProperty("mode")),
                mounts instanceof String[] list ? Arrays.asList(list) : List.of());
    }

    String describe(long startMillis) {
        StringBuilder text = new StringBuilder();
        text.append("Eliza server ready in ").append(startMillis).append(" ms\n");
        text.append("  URL:      ").append(url).append('\n');
        text.append("  Auth:     ").append(authRequired ? "key required (X-API-KEY)" : "open (no key)").append('\n');
        text.append("  Database: ").append(databaseMode.equals("embedded")
                ? "embedded PostgreSQL (DATA_DIR/postgres)" : "external PostgreSQL (POSTGRES_URL)").append('\n');
        text.append("  Domains:");
        mounts.forEach(m -> text.append("\n    ").append(m.replace("=", " -> ")));
        return text.toString();
    }
}
