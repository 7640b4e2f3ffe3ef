package dev.eliza.http.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a class) that loads code into the server or stops it. A request sent
 * by a browser page of another origin (an {@code Origin} header naming a different host or port than the request's
 * {@code Host}) is refused with 403 unless it carries the API key, whatever the CORS policy allows: with no key
 * configured, such a page must never be able to install a plugin, update a module or stop the server.
 *
 * <pre>{@code
 * @POST
 * @Path("{id}/reload")
 * @SameOriginOnly
 * public ApiSuccess<PluginInfo> reload(@PathParam("id") String id) { ... }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SameOriginOnly {
}
