package dev.eliza.memory.impl;

import java.util.Set;

import dev.eliza.models.api.ModelProviderException;

/**
 * A query embedded by another model than the agent's memories: comparing vectors of two models gives numbers that
 * mean nothing, so the search is refused instead of answered wrongly.
 */
final class ModelMismatchException extends ModelProviderException {
    private static final long serialVersionUID = 1L;

    ModelMismatchException(String queryModel, Set<String> stored) {
        super("The query was embedded by " + queryModel + " but the agent's memories by " + String.join(", ",
                stored.stream().sorted().toList()) + "; searching across embedding models is refused", false);
    }
}
