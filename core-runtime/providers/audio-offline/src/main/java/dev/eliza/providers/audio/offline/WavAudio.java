package dev.eliza.providers.audio.offline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;

/**
 * WAV handling in the JDK (no sox, no ffmpeg): fixing the sizes of a streamed WAV header, and converting any PCM
 * WAV to the 16 kHz mono 16-bit little-endian signal pocketsphinx's en-us model was trained on.
 */
final class WavAudio {
    static final AudioFormat RECOGNIZER_FORMAT = new AudioFormat(16000f, 16, 1, true, false);
    private static final int CANONICAL_HEADER = 44;

    private WavAudio() {
    }

    /**
     * espeak-ng writing to a pipe cannot seek back, so its header claims a huge length; clients and the JDK want
     * the real one. Sizes are set from the bytes at hand when the file is a canonical 44-byte-header WAV.
     */
    static byte[] withTrueSizes(byte[] wav) {
        if (!isCanonicalWav(wav)) {
            return wav;
        }
        byte[] fixed = wav.clone();
        ByteBuffer header = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, fixed.length - 8);
        header.putInt(40, fixed.length - CANONICAL_HEADER);
        return fixed;
    }

    /**
     * The recording as a 16 kHz mono 16-bit WAV, refused when it is not PCM WAV or lasts more than
     * {@code maxSeconds}.
     */
    static byte[] forRecognizer(byte[] audio, int maxSeconds) {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(withTrueSizes(audio)))) {
            AudioFormat format = source.getFormat();
            if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
                    && format.getEncoding() != AudioFormat.Encoding.PCM_UNSIGNED) {
                throw notPcm();
            }
            long frames = source.getFrameLength();
            if (frames != AudioSystem.NOT_SPECIFIED && frames / format.getFrameRate() > maxSeconds) {
                throw new AudioProviderException(Reason.TOO_LARGE, "The recording lasts more than " + maxSeconds
                        + " seconds, the longest the offline transcriber takes");
            }
            AudioInputStream converted = AudioSystem.getAudioInputStream(RECOGNIZER_FORMAT, mono(toSigned16(source)));
            // The converter cannot tell its length ahead, which the WAV writer needs: convert, then write.
            byte[] pcm = converted.readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), RECOGNIZER_FORMAT,
                    pcm.length / RECOGNIZER_FORMAT.getFrameSize()), AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw notPcm();
        } catch (IOException e) {
            throw new AudioProviderException(Reason.INVALID_INPUT, "The audio file could not be read: it is cut short"
                    + " or damaged", e);
        }
    }

    /** The JDK converts sample sizes and rates but not channel counts: channels are averaged here. */
    private static AudioInputStream mono(AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        int channels = f.getChannels();
        if (channels == 1) {
            return in;
        }
        ByteBuffer samples = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int frames = samples.remaining() / (2 * channels);
        ByteBuffer mixed = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int frame = 0; frame < frames; frame++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += samples.getShort();
            }
            mixed.putShort((short) (sum / channels));
        }
        AudioFormat monoFormat = new AudioFormat(f.getSampleRate(), 16, 1, true, false);
        return new AudioInputStream(new ByteArrayInputStream(mixed.array()), monoFormat, frames);
    }

    private static AudioInputStream toSigned16(AudioInputStream in) {
        AudioFormat f = in.getFormat();
        if (f.getEncoding() == AudioFormat.Encoding.PCM_SIGNED && f.getSampleSizeInBits() == 16 && !f.isBigEndian()) {
            return in;
        }
        return AudioSystem.getAudioInputStream(new AudioFormat(f.getSampleRate(), 16, f.getChannels(), true, false),
                in);
    }

    private static boolean isCanonicalWav(byte[] wav) {
        return wav.length >= CANONICAL_HEADER && ascii(wav, 0).equals("RIFF") && ascii(wav, 8).equals("WAVE")
                && ascii(wav, 36).equals("data");
    }

    private static String ascii(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }

    private static AudioProviderException notPcm() {
        return new AudioProviderException(Reason.INVALID_INPUT, "The offline transcriber reads PCM WAV audio only;"
                + " for MP3, Ogg, WebM and others name @elizaos/plugin-openai in the character and set"
                + " OPENAI_API_KEY (or OPENAI_BASE_URL for a local whisper server)");
    }
}
