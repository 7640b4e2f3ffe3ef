package dev.eliza.models.api;

/** The kinds of model a provider serves, as ElizaOS names them ({@code TEXT_SMALL}, {@code TEXT_LARGE}, …). */
public enum ModelClass {
    /** A fast, cheap text model ({@code *_SMALL_MODEL}). */
    TEXT_SMALL,
    /** The best text model ({@code *_LARGE_MODEL}). */
    TEXT_LARGE,
    /** The embedding model ({@code *_EMBEDDING_MODEL}). */
    TEXT_EMBEDDING
}
