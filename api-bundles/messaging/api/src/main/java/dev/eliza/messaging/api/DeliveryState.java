package dev.eliza.messaging.api;

import java.util.Locale;

/**
 * Where a message addressed to an agent stands. {@code RECEIVED → PROCESSING → REPLIED | NO_REPLY | FAILED};
 * a delivery left {@code PROCESSING} by a crash or a swap goes back to {@code RECEIVED} and is handled again.
 */
public enum DeliveryState {
    /** Stored, not yet taken by the runtime. */
    RECEIVED,
    /** Taken by the runtime, the reply is being made. */
    PROCESSING,
    /** The agent replied. */
    REPLIED,
    /** The agent chose not to reply (or could not be addressed), with the reason. */
    NO_REPLY,
    /** The reply could not be made, with the reason. */
    FAILED;

    /** The state as the wire shows it: {@code received}, {@code no_reply}, … */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the delivery is over. */
    public boolean isFinal() {
        return this == REPLIED || this == NO_REPLY || this == FAILED;
    }
}
