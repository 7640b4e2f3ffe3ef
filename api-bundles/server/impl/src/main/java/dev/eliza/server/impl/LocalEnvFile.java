package dev.eliza.server.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.eliza.http.api.ApiException;

/**
 * The operator's local environment file ({@code KEY=value} lines), read and replaced through
 * {@code /api/system/env/local}. Values of secret-looking keys are masked on read; writing the mask back keeps the
 * stored value, so a client that edits one variable does not wipe the secrets it was never shown.
 */
final class LocalEnvFile {
    static final String MASK = "********";
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE|CREDENTIAL"
            + "|AUTH).*");
    /** A URL carrying a password ({@code postgresql://user:pass@host/db}): masked whatever its key is called. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*:[^/@\\s]*@.*");

    private final Path file;

    LocalEnvFile(Path file) {
        this.file = file;
    }

    /** The variables with secret values masked. */
    synchronized Map<String, String> readMasked() {
        Map<String, String> masked = new LinkedHashMap<>();
        read().forEach((key, value) -> masked.put(key,
                SECRET.matcher(key).matches() || PASSWORD_IN_URL.matcher(value).matches() ? MASK : value));
        return masked;
    }

    /** Replaces the file's variables with {@code content}, validated first so a bad request changes nothing. */
    synchronized void replace(Map<String, String> content) {
        Map<String, String> current = read();
        Map<String, String> next = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : content.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (!KEY.matcher(key).matches()) {
                throw ApiException.badRequest("INVALID_INPUT", "Invalid variable name: " + key);
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw ApiException.badRequest("INVALID_INPUT", "Value of " + key + " must be a single line");
            }
            // a lone surrogate (JSON allows "\ud800") has no UTF-8 form: the file could not be written
            if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
                throw ApiException.badRequest("INVALID_INPUT", "Value of " + key + " is not valid Unicode text");
            }
            next.put(key, MASK.equals(value) && current.containsKey(key) ? current.get(key) : value);
        }
        write(next);
    }

    private Map<String, String> read() {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                    continue;
                }
                values.put(trimmed.substring(0, equals).trim(), unquote(trimmed.substring(equals + 1).trim()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(quote(value)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".local-env", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        boolean plain = value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-./:@,+".indexOf(c) >= 0);
        return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
