package dev.eliza.providers.audio.offline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;
import dev.eliza.audio.api.Voice;

/**
 * Speech with espeak-ng: the text goes to its standard input ({@code --stdin}, so a text can never be read as an
 * option), the WAV comes from its standard output. Voices are what {@code espeak-ng --voices} lists (MBROLA voices
 * left out: they need databases Debian packages apart), optionally with a variant ({@code en-us+klatt}).
 */
final class Espeak {
    /** Klatt formant synthesis: of espeak-ng's voices, the one pocketsphinx's en-us model understands best. */
    static final String DEFAULT_VOICE = "en-us+klatt";
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9_-]{1,40}(\\+[A-Za-z0-9_-]{1,40})?");

    private final Path binary;
    private final Subprocess runner;
    private volatile List<Voice> voices;
    private volatile Set<String> variants;

    Espeak(Path binary, Subprocess runner) {
        this.binary = binary;
        this.runner = runner;
    }

    Path binary() {
        return binary;
    }

    byte[] synthesize(String text, String voice) throws InterruptedException {
        checkVoice(voice);
        Subprocess.Result result = run(List.of(binary.toString(), "-v", voice, "--stdin", "--stdout"),
                text.getBytes(StandardCharsets.UTF_8));
        if (result.exitCode() != 0 || result.output().length == 0) {
            throw new AudioProviderException(Reason.FAILED, "espeak-ng failed (exit code " + result.exitCode() + ")");
        }
        return WavAudio.withTrueSizes(result.output());
    }

    List<Voice> voices() throws InterruptedException {
        if (voices == null) {
            voices = parse(list("--voices")).stream().filter(v -> !v.id().startsWith("mb-")).toList();
        }
        return voices;
    }

    private void checkVoice(String voice) throws InterruptedException {
        if (!VOICE.matcher(voice).matches()) {
            throw unknownVoice(voice);
        }
        int plus = voice.indexOf('+');
        String base = (plus < 0 ? voice : voice.substring(0, plus)).toLowerCase(Locale.ROOT);
        boolean known = voices().stream().anyMatch(v -> v.id().equalsIgnoreCase(base)
                || v.language().equalsIgnoreCase(base) || v.name().equalsIgnoreCase(base));
        if (!known || plus >= 0 && !variants().contains(voice.substring(plus + 1).toLowerCase(Locale.ROOT))) {
            throw unknownVoice(voice);
        }
    }

    private Set<String> variants() throws InterruptedException {
        if (variants == null) {
            Set<String> names = new TreeSet<>();
            parse(list("--voices=variant")).forEach(v -> names.add(v.id().toLowerCase(Locale.ROOT)));
            variants = names;
        }
        return variants;
    }

    private String list(String option) throws InterruptedException {
        Subprocess.Result result = run(List.of(binary.toString(), option), new byte[0]);
        if (result.exitCode() != 0) {
            throw new AudioProviderException(Reason.FAILED, "espeak-ng could not list its voices");
        }
        return new String(result.output(), StandardCharsets.UTF_8);
    }

    /**
     * Rows of {@code Pty Language Age/Gender VoiceName File Other}; a voice's id is its file's last segment
     * ({@code gmw/en-US} is {@code en-us}), which is what {@code -v} takes.
     */
    static List<Voice> parse(String listing) {
        List<Voice> parsed = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length < 5 || !cells[0].matches("\\d+")) {
                continue;
            }
            String file = cells[4];
            String id = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            String gender = cells[2].endsWith("/M") ? "male" : cells[2].endsWith("/F") ? "female" : "";
            String language = cells[1].equals("variant") ? "" : cells[1];
            parsed.add(new Voice(id, cells[3].replace('_', ' '), language, gender));
        }
        return parsed;
    }

    private Subprocess.Result run(List<String> command, byte[] input) throws InterruptedException {
        try {
            return runner.run(command, input);
        } catch (Subprocess.RunException e) {
            throw Failures.of("espeak-ng", e);
        }
    }

    private static AudioProviderException unknownVoice(String voice) {
        return new AudioProviderException(Reason.INVALID_INPUT, "Unknown voice '" + voice
                + "': see GET /api/audio/:agentId/voices (a variant may follow a +, e.g. " + DEFAULT_VOICE + ")");
    }
}
