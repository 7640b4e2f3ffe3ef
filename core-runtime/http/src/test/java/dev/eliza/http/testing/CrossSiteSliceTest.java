package dev.eliza.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.eliza.http.api.SameOriginOnly;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a page of another site can and cannot make the server do, through the real Jersey container. */
class CrossSiteSliceTest {
    private static final String EVIL = "http://evil.example";

    /** Counts what actually ran, so a refusal is seen to have changed nothing. */
    @Path("/api/x")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Targets {
        int calls;

        @POST
        @Path("start")
        public Map<String, Object> start() {
            calls++;
            return Map.of("ok", true);
        }

        @POST
        @Path("json")
        @Consumes(MediaType.APPLICATION_JSON)
        public Map<String, Object> json(Map<String, Object> body) {
            calls++;
            return body;
        }

        @POST
        @Path("upload")
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        public Map<String, Object> upload(String body) {
            calls++;
            return Map.of("size", body.length());
        }

        @POST
        @Path("install")
        @Consumes("application/java-archive")
        @SameOriginOnly
        public Map<String, Object> install(byte[] jar) {
            calls++;
            return Map.of("size", jar.length);
        }

        @DELETE
        @Path("thing")
        public Map<String, Object> delete() {
            calls++;
            return Map.of("deleted", true);
        }
    }

    private final Targets targets = new Targets();
    private ResourceSlice slice;

    @BeforeEach
    void start() throws Exception {
        slice = ResourceSlice.of(targets);
    }

    @AfterEach
    void stop() throws Exception {
        slice.close();
    }

    @Test
    void aSimpleContentTypeIsRefusedWith415WhereTheRouteDoesNotTakeIt() throws Exception {
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x"}) {
            HttpTester.Response refused = slice.sendWith("POST", "/api/x/start", Map.of("Content-Type", type), "PK..");
            assertThat(refused.getStatus()).as(type).isEqualTo(415);
            assertThat(refused.getContent()).contains("INVALID_CONTENT_TYPE");
        }
        assertThat(slice.send("POST", "/api/x/json", "text/plain", "{\"a\":1}").getStatus()).isEqualTo(415);
        assertThat(targets.calls).isZero();
    }

    @Test
    void aPageOfAnotherSiteCannotSendAPostWithoutPreflight() throws Exception {
        HttpTester.Response bodyless = slice.sendWith("POST", "/api/x/start", Map.of("Origin", EVIL), null);
        assertThat(bodyless.getStatus()).isEqualTo(403);
        assertThat(bodyless.getContent()).contains("CROSS_ORIGIN_REFUSED");
        HttpTester.Response form = slice.sendWith("POST", "/api/x/upload",
                Map.of("Origin", EVIL, "Content-Type", "multipart/form-data; boundary=x"), "--x--");
        assertThat(form.getStatus()).isEqualTo(403);
        assertThat(slice.sendWith("POST", "/api/x/start", Map.of("Origin", "null"), null).getStatus()).isEqualTo(403);
        assertThat(targets.calls).isZero();
    }

    @Test
    void codeLoadingRoutesRefuseAnyOtherOriginEvenWithAPreflightedType() throws Exception {
        HttpTester.Response refused = slice.sendWith("POST", "/api/x/install",
                Map.of("Origin", EVIL, "Content-Type", "application/java-archive"), "PK");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContent()).contains("loads code");
        assertThat(targets.calls).isZero();
        HttpTester.Response sameOrigin = slice.sendWith("POST", "/api/x/install",
                Map.of("Origin", "http://slice", "Content-Type", "application/java-archive"), "PK");
        assertThat(sameOrigin.getStatus()).isEqualTo(200);
        assertThat(targets.calls).isEqualTo(1);
    }

    @Test
    void ownPagesAndNonBrowserClientsAreServed() throws Exception {
        assertThat(slice.sendWith("POST", "/api/x/start", Map.of(), null).getStatus()).isEqualTo(200);
        assertThat(slice.sendWith("POST", "/api/x/start", Map.of("Origin", "http://slice"), null).getStatus())
                .isEqualTo(200);
        assertThat(slice.sendWith("POST", "/api/x/json", Map.of("Origin", EVIL, "Content-Type", "application/json"),
                "{\"a\":1}").getStatus()).as("preflighted, so CORS decided").isEqualTo(200);
        assertThat(slice.send("POST", "/api/x/upload", "multipart/form-data; boundary=x", "--x--").getStatus())
                .isEqualTo(200);
        assertThat(slice.sendWith("DELETE", "/api/x/thing", Map.of(), null).getStatus()).isEqualTo(200);
        assertThat(targets.calls).isEqualTo(5);
    }
}
