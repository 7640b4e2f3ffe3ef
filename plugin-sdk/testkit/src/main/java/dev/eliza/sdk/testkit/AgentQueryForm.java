package dev.eliza.sdk.testkit;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** ElizaOS's {@code /<segment>...?agentId=<id>} form of an agent route, as its {@code /api/agents/...} form. */
final class AgentQueryForm {
    private AgentQueryForm() {
    }

    static Optional<URI> rewrite(URI uri) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Optional<String> agentId = Arrays.stream(query.split("&")).filter(p -> p.startsWith("agentId="))
                .map(p -> p.substring("agentId=".length())).findFirst();
        if (agentId.isEmpty()) {
            return Optional.empty();
        }
        String rest = Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("agentId="))
                .collect(Collectors.joining("&"));
        return Optional.of(URI.create("http://localhost/api/agents/" + agentId.get() + "/plugins" + uri.getRawPath()
                + (rest.isEmpty() ? "" : "?" + rest)));
    }
}
