package dev.eliza.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations of an OpenAPI document that the HTTP fuzz may call, and their path templates filled with good ids
 * (rows the test created, so some requests reach real data) or bad ones (malformed, unknown, huge, escaped).
 */
final class FuzzTargets {
    /** One documented operation: its method, path template, the body media type it declares (or empty). */
    record Operation(String method, String template, String bodyType) {
    }

    /** Routes that stop the whole server: calling them would end the fuzz, not test it. */
    static final Set<String> EXCLUDED = Set.of("POST /api/server/stop", "POST /api/stop");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final String[] BAD_IDS = {"not-a-uuid", "00000000-0000-0000-0000-00000000000g", "%zz", "%00",
        "..%2F..%2Fetc%2Fpasswd", "-1", "99999999999999999999999999", "%E0%A4%A", "null", "undefined", "%20",
        "x".repeat(5000), "12345678-1234-1234-1234-1234567890123", "'%3B%20DROP%20TABLE%20x%3B--", "%F0%9F%92%A9",
        "{agentId}", "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ"};

    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, List<String>> goodIds;

    FuzzTargets(JsonNode openApi, Map<String, List<String>> goodIds) {
        this.goodIds = goodIds;
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (!EXCLUDED.contains(method + " " + path.getKey())) {
                var content = op.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method, path.getKey(), content.hasNext() ? content.next() : ""));
            }
        }));
    }

    List<Operation> operations() {
        return operations;
    }

    /** The template with each parameter filled: mostly a good id for its name when one exists, else a bad one. */
    String fill(String template, Random random) {
        Matcher matcher = TEMPLATE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            List<String> good = goodIds.getOrDefault(matcher.group(1), List.of());
            String value = !good.isEmpty() && random.nextInt(3) > 0 ? good.get(random.nextInt(good.size()))
                    : random.nextBoolean() ? java.util.UUID.randomUUID().toString()
                    : BAD_IDS[random.nextInt(BAD_IDS.length)];
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
