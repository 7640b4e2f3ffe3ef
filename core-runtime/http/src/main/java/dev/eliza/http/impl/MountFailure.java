package dev.eliza.http.impl;

import java.util.stream.Collectors;

import org.glassfish.jersey.server.model.ModelValidationException;

/** Why a contribution's routes could not be built, in words its owner can show (Jersey's own are generic). */
final class MountFailure {
    private MountFailure() {
    }

    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelValidationException invalid && !invalid.getIssues().isEmpty()) {
                return "its routes could not be built: " + invalid.getIssues().stream()
                        .filter(issue -> issue.getSeverity() == org.glassfish.jersey.Severity.FATAL)
                        .map(issue -> issue.getMessage()).collect(Collectors.joining("; "));
            }
            root = cause;
        }
        return "its routes could not be built: " + (root.getMessage() == null ? root.toString() : root.getMessage());
    }
}
