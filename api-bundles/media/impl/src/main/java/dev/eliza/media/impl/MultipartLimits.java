package dev.eliza.media.impl;

import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

/**
 * How multipart bodies are read: parts over {@link #SPOOL_THRESHOLD} go to a file under the media folder as they
 * arrive (never whole in the heap), and a file part over the upload limit stops the parse.
 */
final class MultipartLimits {
    /** Parts larger than this are spooled to disk. */
    static final int SPOOL_THRESHOLD = 64 * 1024;
    /** Room for the other fields and the part headers around the file. */
    static final long FORM_OVERHEAD = 64 * 1024;
    /** Jetty reads this request attribute for the multipart settings of the servlet serving the request. */
    static final String ATTRIBUTE = "org.eclipse.jetty.multipartConfig";

    private MultipartLimits() {
    }

    static MultipartConfigElement config(Path spool, long maxFileBytes) {
        return new MultipartConfigElement(spool.toString(), maxFileBytes, maxFileBytes + FORM_OVERHEAD,
                SPOOL_THRESHOLD);
    }
}
