package dev.eliza.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.eliza.http.api.DomainContribution;
import dev.eliza.realtime.api.Acknowledgement;
import dev.eliza.realtime.api.RealtimeEventHandler;
import dev.eliza.realtime.api.RealtimeSocket;

class ApiCatalogueTest {
    private final ApiCatalogue catalogue = new ApiCatalogue("1.0.0");

    private List<String> paths() throws Exception {
        List<String> paths = new ArrayList<>();
        Schemas.MAPPER.readTree(catalogue.openApi()).path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    @Test
    void aContributionThatGoesDisappearsFromTheDocumentAndOneThatComesAppears() throws Exception {
        DomainContribution things = SampleResources.things();
        DomainContribution plugin = SampleResources.plugin();
        catalogue.addContribution(things);
        assertThat(paths()).containsExactlyInAnyOrder("/api/things", "/api/things/{id}");

        catalogue.addContribution(plugin);
        assertThat(paths()).contains("/api/plugins/hello/greeting");

        catalogue.removeContribution(things);
        assertThat(paths()).containsExactly("/api/plugins/hello/greeting");
    }

    @Test
    void theDocumentIsBuiltOncePerSetOfContributions() {
        catalogue.addContribution(SampleResources.rooms());
        String first = catalogue.openApi();

        assertThat(catalogue.openApi()).isSameAs(first);
        catalogue.addContribution(SampleResources.things());
        assertThat(catalogue.openApi()).isNotSameAs(first).contains("/api/things");
    }

    @Test
    void theAsyncApiClientEventsAreTheHandlersRegistered() throws Exception {
        RealtimeEventHandler join = handler("1");
        catalogue.addHandler(join);
        catalogue.addHandler(handler("plugin_event"));

        JsonNode doc = Schemas.MAPPER.readTree(catalogue.asyncApi());
        assertThat(receivedEvents(doc)).containsExactlyInAnyOrder("1", "plugin_event");
        catalogue.removeHandler(join);
        assertThat(receivedEvents(Schemas.MAPPER.readTree(catalogue.asyncApi()))).containsExactly("plugin_event");
    }

    static List<String> receivedEvents(JsonNode doc) {
        List<String> events = new ArrayList<>();
        doc.path("operations").forEach(operation -> {
            if ("receive".equals(operation.path("action").asText())) {
                String ref = operation.path("messages").get(0).path("$ref").asText();
                String id = ref.substring(ref.lastIndexOf('/') + 1);
                events.add(doc.path("components").path("messages").path(id).path("name").asText());
            }
        });
        return events;
    }

    private static RealtimeEventHandler handler(String event) {
        return new RealtimeEventHandler() {
            @Override
            public String event() {
                return event;
            }

            @Override
            public void handle(RealtimeSocket socket, List<JsonNode> args, Optional<Acknowledgement> ack) {
            }
        };
    }
}
