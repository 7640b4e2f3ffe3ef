package dev.eliza.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class OpenApiBuilderTest {
    private final OpenApiBuilder builder = new OpenApiBuilder("1.2.3");

    private JsonNode document(dev.eliza.http.api.DomainContribution... contributions) throws Exception {
        return Schemas.MAPPER.readTree(builder.json(List.of(contributions)));
    }

    @Test
    void everyOperationOfEveryContributionIsDocumentedUnderItsFullPath() throws Exception {
        JsonNode doc = document(SampleResources.things(), SampleResources.rooms(), SampleResources.plugin());

        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("version").asText()).isEqualTo("1.2.3");
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/things", "/api/things/{id}",
                "/api/rooms/{roomId}/members", "/api/plugins/hello/greeting");
        assertThat(doc.path("paths").path("/api/things").has("get")).isTrue();
        assertThat(doc.path("paths").path("/api/things").has("post")).isTrue();
        assertThat(doc.path("paths").path("/api/things/{id}").has("delete")).isTrue();
        assertThat(doc.path("paths").path("/api/plugins/hello/greeting").path("get").path("tags").get(0).asText())
                .isEqualTo("plugin-hello");
    }

    @Test
    void pathParametersAndTheApiKeyAreDeclared() throws Exception {
        JsonNode doc = document(SampleResources.rooms());

        JsonNode parameter = doc.path("paths").path("/api/rooms/{roomId}/members").path("get").path("parameters")
                .get(0);
        assertThat(parameter.path("name").asText()).isEqualTo("roomId");
        assertThat(parameter.path("in").asText()).isEqualTo("path");
        assertThat(parameter.path("required").asBoolean()).isTrue();
        JsonNode scheme = doc.path("components").path("securitySchemes").path(OpenApiBuilder.API_KEY_SCHEME);
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("X-API-KEY");
    }

    @Test
    void operationIdsStayUniqueAcrossDomains() throws Exception {
        JsonNode doc = document(SampleResources.things(), SampleResources.rooms());

        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> item.forEach(operation -> ids.add(operation.path("operationId").asText())));
        assertThat(ids).hasSize(5).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void theDocumentsOwnResourceDeclaresItsResponses() throws Exception {
        JsonNode doc = document(new ApiDocsContribution(new ApiCatalogue("1")));

        assertThat(doc.path("paths").path("/api/openapi.json").path("get").path("responses").has("200")).isTrue();
        assertThat(doc.path("paths").path("/api/docs/{file}").path("get").path("responses").has("404")).isTrue();
    }

    @Test
    void basePathsAreJoinedOnOneSlash() {
        assertThat(OpenApiBuilder.join("/api/plugins/hello/", "/greeting")).isEqualTo("/api/plugins/hello/greeting");
        assertThat(OpenApiBuilder.join("", "/api/x/")).isEqualTo("/api/x");
        assertThat(OpenApiBuilder.join("/api/p", "")).isEqualTo("/api/p");
    }
}
