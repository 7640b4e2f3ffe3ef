package dev.eliza.http.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.eliza.http.api.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * Reads and writes JSON bodies with the platform's {@link ObjectMapper}. A malformed body becomes a 400 and an
 * over-long one a 413, in the resource's envelope, instead of Jersey's plain-text defaults.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
final class JsonBodyProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final ObjectMapper mapper;

    JsonBodyProvider(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJsonMapped(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return mapper.readValue(body, mapper.constructType(genericType));
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
                return null;
            }
            throw new ApiException(400, "INVALID_REQUEST", "Request body does not match the expected shape: "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID_JSON", "Malformed JSON in request body");
        } catch (IOException e) {
            throw PayloadLimit.translate(e);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJsonMapped(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
            throws IOException {
        mapper.writeValue(out, value);
    }

    private static boolean isJsonMapped(Class<?> type) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type);
    }
}
