package dev.eliza.media.impl;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;
import dev.eliza.media.api.MediaLibrary;
import dev.eliza.media.api.MediaScope;
import dev.eliza.media.api.StoredMedia;
import dev.eliza.messaging.api.MessageService;
import dev.eliza.persistence.api.Cluster;
import dev.eliza.persistence.api.Database;
import dev.eliza.persistence.api.Migration;
import jakarta.servlet.Servlet;

/**
 * Mounts the media routes: uploads under {@code /api/media} and the messaging alias
 * {@code /api/messaging/channels/:id/upload-media} (a more specific prefix than messaging's own), downloads under
 * {@code /media/uploads} (behind the API key like everything not declared public). Also the {@link MediaLibrary}
 * service for other bundles.
 */
@Component(service = {DomainContribution.class, MediaLibrary.class})
public final class MediaContribution implements DomainContribution, MediaLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(MediaContribution.class);
    /** How often a node with company stores the bytes the database lacks of the uploads it has copies of. */
    private static final long BACKFILL_SECONDS = 5;
    static final String ALIAS_PREFIX = "/api/messaging/channels/*/upload-media";

    private final StoredMediaLibrary library;
    private final ScheduledExecutorService writer;
    private final Set<Object> resources;
    private final Map<String, Servlet> servlets;

    @Activate
    public MediaContribution(@Reference Database database, @Reference Cluster cluster,
                             @Reference AgentDirectory agents, @Reference MessageService messaging,
                             BundleContext context) {
        database.migrate("media", Migration.scan(context.getBundle(), "db/media"));
        MediaStore store = new MediaStore(database.sessionFactory(
                context.getBundle().adapt(BundleWiring.class).getClassLoader(), MediaMapper.class));
        MediaSettings settings = MediaSettings.from(context::getProperty);
        MediaFiles files = new MediaFiles(settings.folder());
        sweep(files);
        this.library = new StoredMediaLibrary(store, files);
        // One writer: what is queued is written in order, and a stop waits for it (bounded) or leaves it for later.
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "media-bytes"));
        BooleanSupplier shared = () -> cluster.liveNodes().size() > 1;
        writer.scheduleWithFixedDelay(() -> storeMissingBytes(shared), BACKFILL_SECONDS, BACKFILL_SECONDS,
                TimeUnit.SECONDS);
        MediaUploads uploads = new MediaUploads(store, library.files(), new MediaBytesWriter(store, writer, shared),
                Clock.systemUTC(), settings.maxUploadBytes());
        this.resources = resources(uploads, library, agents, messaging);
        this.servlets = servlets(library);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Stopped before storing the bytes of every upload in the database; the next start does");
            writer.shutdownNow();
        }
    }

    private void storeMissingBytes(BooleanSupplier shared) {
        if (!shared.getAsBoolean()) {
            return;
        }
        try {
            int completed = library.storeMissingBytes();
            if (completed > 0) {
                LOG.info("Stored the bytes of {} uploads in the database, for the other nodes to serve", completed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not store the bytes of this node's uploads in the database: {}", e.getMessage());
        }
    }

    /** Spooled files an hour old are what a stopped process left; younger ones may be a predecessor's in flight. */
    private static void sweep(MediaFiles files) {
        try {
            files.sweepSpooled(Duration.ofHours(1), Instant.now());
        } catch (IOException e) {
            LOG.warn("Could not sweep the spooled media files under {}", files.incoming(), e);
        }
    }

    /** The JAX-RS resources of the media routes. */
    static Set<Object> resources(MediaUploads uploads, MediaLibrary library, AgentDirectory agents,
                                 MessageService messaging) {
        return Set.of(new AgentMediaResource(uploads, agents), new ChannelMediaResource(uploads, messaging),
                new MessagingUploadResource(uploads, messaging), new MediaFilesResource(library));
    }

    /** The download servlet, by path spec. */
    static Map<String, Servlet> servlets(StoredMediaLibrary library) {
        return Map.of("/media/uploads/*", new MediaDownloadServlet(library));
    }

    @Override
    public String domain() {
        return "media";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/media", ALIAS_PREFIX, "/media/uploads");
    }

    @Override
    public Set<Object> resources() {
        return resources;
    }

    @Override
    public Map<String, Servlet> servlets() {
        return servlets;
    }

    @Override
    public Optional<StoredMedia> find(UUID id) {
        return library.find(id);
    }

    @Override
    public Optional<StoredMedia> find(MediaScope scope, UUID ownerId, String filename) {
        return library.find(scope, ownerId, filename);
    }

    @Override
    public InputStream open(StoredMedia media) throws IOException {
        return library.open(media);
    }

    @Override
    public boolean delete(UUID id) {
        return library.delete(id);
    }
}
