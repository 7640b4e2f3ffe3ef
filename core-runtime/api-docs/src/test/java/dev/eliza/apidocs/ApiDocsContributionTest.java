package dev.eliza.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.eliza.http.api.ApiException;

import jakarta.ws.rs.core.Response;

class ApiDocsContributionTest {
    private final ApiCatalogue catalogue = new ApiCatalogue("1.0.0");
    private final ApiDocsContribution contribution = new ApiDocsContribution(catalogue);
    private final ApiDocsResource resource = (ApiDocsResource) contribution.resources().iterator().next();

    @Test
    void itsPathsAreBehindTheApiKeyLikeEveryOther() {
        assertThat(contribution.pathPrefixes()).containsExactly("/api/openapi.json", "/api/asyncapi.json",
                "/api/docs");
        assertThat(contribution.publicPrefixes()).isEmpty();
    }

    @Test
    void thePageLoadsItsScriptsAsFilesAndTheInitializerPointsAtTheDocument() {
        Response page = resource.page();
        String html = new String((byte[]) page.getEntity(), StandardCharsets.UTF_8);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertThat(html).contains("src=\"/api/docs/init.js\"").doesNotContain("<script>");
        String init = new String((byte[]) resource.asset("init.js").getEntity(), StandardCharsets.UTF_8);
        assertThat(init).contains("url: \"/api/openapi.json\"");
    }

    @Test
    void anUnknownFileIsA404NotAPeekIntoTheBundle() {
        assertThatThrownBy(() -> resource.asset("../OSGI-INF/x.xml")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
    }

    @Test
    void theDocumentsServedAreTheCataloguesOwn() {
        catalogue.addContribution(contribution);
        assertThat(resource.openApi()).contains("\"/api/docs/{file}\"");
        assertThat(resource.asyncApi()).contains("\"asyncapi\" : \"3.0.0\"");
    }
}
