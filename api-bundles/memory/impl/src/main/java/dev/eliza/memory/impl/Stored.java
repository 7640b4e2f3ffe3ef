package dev.eliza.memory.impl;

import java.util.Optional;

import dev.eliza.memory.api.Memory;
import dev.eliza.models.api.Embedding;

/** A memory as read back, with its embedding when asked for and made. */
record Stored(Memory memory, Optional<Embedding> embedding) {
}
