package dev.eliza.http.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the error body shape for every error raised while serving a resource class. Resources without it get
 * {@link ErrorStyle#STANDARD}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ErrorEnvelope {
    /** The family's error shape. */
    ErrorStyle value();
}
