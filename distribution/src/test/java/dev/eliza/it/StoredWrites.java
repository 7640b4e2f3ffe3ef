package dev.eliza.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * What the embedded PostgreSQL of a home holds, read directly (the API shows neither replies per message nor
 * duplicates): its port from {@code postmaster.pid}, its password from the data folder.
 */
final class StoredWrites {
    static final List<String> STATES = List.of("received", "processing", "replied", "no_reply", "failed");

    private final Path data;

    StoredWrites(Path home) {
        this.data = home.resolve("data");
    }

    /** Every problem found with the acknowledged writes; empty when all is well. */
    List<String> problems(Collection<String> sessions, Collection<String> messages, String agentId)
            throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection db = connect()) {
            missing(db, "SELECT session_id FROM sessions WHERE session_id = ANY(?)", sessions, "session", problems);
            missing(db, "SELECT id FROM messages WHERE id = ANY(?)", messages, "message", problems);
            missing(db, "SELECT message_id FROM deliveries WHERE message_id = ANY(?) AND agent_id = '" + agentId
                    + "' AND state IN ('" + String.join("','", STATES) + "')", messages, "delivery of", problems);
            rows(db, "SELECT in_reply_to || ' has ' || count(*) || ' replies' FROM messages"
                    + " WHERE in_reply_to IS NOT NULL GROUP BY in_reply_to HAVING count(*) > 1", problems);
            // each load message has content of its own: the same content twice is one request stored twice
            rows(db, "SELECT 'content stored ' || count(*) || ' times: ' || content FROM messages"
                    + " WHERE content LIKE 's %' OR content LIKE 'c %' GROUP BY content HAVING count(*) > 1", problems);
        }
        return problems;
    }

    /** How many of {@code messages} still wait for the agent (received or processing). */
    int open(Collection<String> messages) throws Exception {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM deliveries WHERE message_id = ANY(?) AND state IN ('received','processing')")) {
            query.setArray(1, db.createArrayOf("uuid", uuids(messages)));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The open deliveries of {@code messages} by state, claimer and attempts, to tell slow from stuck. */
    List<String> openByState(Collection<String> messages) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(
                "SELECT state || ' by ' || coalesce(claimed_by, '-') || ' attempts ' || attempts || ': ' || count(*)"
                        + " FROM deliveries WHERE message_id = ANY(?) AND state IN ('received','processing')"
                        + " GROUP BY state, claimed_by, attempts")) {
            query.setArray(1, db.createArrayOf("uuid", uuids(messages)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    /** The pid of the running postmaster, as it recorded it. */
    long postmasterPid() throws Exception {
        return Long.parseLong(pidFile().get(0).trim());
    }

    private List<String> pidFile() throws Exception {
        return Files.readAllLines(data.resolve("postgres/postmaster.pid"));
    }

    private Connection connect() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", Files.readString(data.resolve("postgres.secret"),
                StandardCharsets.UTF_8).trim());
        int port = Integer.parseInt(pidFile().get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static void missing(Connection db, String sql, Collection<String> ids, String what,
                                List<String> problems) throws Exception {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("uuid", uuids(ids)));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        java.util.Set<String> stored = new java.util.HashSet<>(found);
        for (String id : ids) {
            if (!stored.contains(id)) {
                problems.add("acknowledged " + what + " " + id + " is not stored");
            }
        }
        if (found.size() != stored.size()) {
            problems.add("a " + what + " is stored more than once");
        }
    }

    private static void rows(Connection db, String sql, List<String> problems) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                problems.add(rows.getString(1));
            }
        }
    }

    private static Object[] uuids(Collection<String> ids) {
        return ids.stream().map(UUID::fromString).toArray();
    }
}
