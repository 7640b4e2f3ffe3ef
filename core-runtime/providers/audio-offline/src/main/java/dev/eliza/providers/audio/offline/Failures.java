package dev.eliza.providers.audio.offline;

import dev.eliza.audio.api.AudioProviderException;
import dev.eliza.audio.api.AudioProviderException.Reason;

/** A subprocess's failure as the audio domain reports it. */
final class Failures {
    private Failures() {
    }

    static AudioProviderException of(String program, Subprocess.RunException e) {
        return switch (e.failure()) {
            case NOT_STARTED -> new AudioProviderException(Reason.UNAVAILABLE, program + " could not be started", e);
            case TIMED_OUT, TOO_MUCH_OUTPUT -> new AudioProviderException(Reason.FAILED, e.getMessage(), e);
        };
    }
}
