package dev.eliza.providers.audio.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;

/**
 * Transcription with {@code pocketsphinx_continuous} and the en-us model: the recording, converted to 16 kHz mono,
 * goes to a private temporary file (the program reads WAV only from a file whose name ends in {@code .wav}); each
 * recognized utterance comes back as a line of its standard output.
 */
final class Pocketsphinx {
    private final Path binary;
    private final Path model;
    private final Subprocess runner;
    private final int maxSeconds;

    Pocketsphinx(Path binary, Path model, Subprocess runner, int maxSeconds) {
        this.binary = binary;
        this.model = model;
        this.runner = runner;
        this.maxSeconds = maxSeconds;
    }

    /** Whether the en-us model is where it is expected. */
    static boolean modelPresent(Path model) {
        return Files.isDirectory(model.resolve("en-us")) && Files.isRegularFile(model.resolve("en-us.lm.bin"))
                && Files.isRegularFile(model.resolve("cmudict-en-us.dict"));
    }

    String transcribe(byte[] audio) throws InterruptedException {
        byte[] wav = WavAudio.forRecognizer(audio, maxSeconds);
        Path file = null;
        try {
            file = Files.createTempFile("eliza-stt-", ".wav");
            Files.write(file, wav);
            Subprocess.Result result = runner.run(List.of(binary.toString(), "-infile", file.toString(),
                    "-hmm", model.resolve("en-us").toString(), "-lm", model.resolve("en-us.lm.bin").toString(),
                    "-dict", model.resolve("cmudict-en-us.dict").toString(), "-remove_noise", "no",
                    "-logfn", "/dev/null"), new byte[0]);
            if (result.exitCode() != 0) {
                throw new AudioProviderException(Reason.FAILED, "pocketsphinx failed (exit code "
                        + result.exitCode() + ")");
            }
            return Arrays.stream(new String(result.output(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
        } catch (Subprocess.RunException e) {
            throw Failures.of("pocketsphinx_continuous", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the recording could not be written to a temporary file", e);
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind is removed with the system's temporary folder.
            }
        }
    }
}
