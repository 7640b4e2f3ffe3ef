package dev.eliza.agents.impl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.persistence.api.Database;

/**
 * Creates and starts the launch characters once the agent store is up: the default agent
 * ({@code characters/eliza.json}) on a fresh database unless {@code ELIZA_DEFAULT_AGENT=false}, and the files of
 * {@code ELIZA_CHARACTERS} (path-separator or comma separated; {@code --character}). The outcome is registered as a
 * service with {@value #DONE} and, on failure, {@value #FAILURE} (the file and the problem), which the launcher
 * finds by that property and waits for when files were given, so a bad file stops the start with that message.
 */
@Component(immediate = true, service = {})
public final class CharacterLaunch {
    static final String DONE = "eliza.launch.done";
    static final String FAILURE = "eliza.launch.failure";
    private static final Logger LOG = LoggerFactory.getLogger(CharacterLaunch.class);

    private final List<UUID> launched;
    private final ServiceRegistration<Object> report;

    @Activate
    public CharacterLaunch(@Reference AgentDirectory agents, @Reference Database database, BundleContext context) {
        Dictionary<String, Object> outcome = new Hashtable<>();
        outcome.put(DONE, Boolean.TRUE);
        List<UUID> ids = List.of();
        try {
            LaunchMarkers markers = new LaunchMarkerStore(database,
                    context.getBundle().adapt(BundleWiring.class).getClassLoader());
            ids = new LaunchCharacters(agents, markers).apply(defaultCharacter(context), files(context));
        } catch (RuntimeException e) {
            // the launcher prints this as the reason the start failed; a stack trace would only hide it
            LOG.error("Launch characters not applied: {}", e.getMessage());
            outcome.put(FAILURE, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        this.launched = ids;
        this.report = context.registerService(Object.class, this, outcome);
    }

    /**
     * Starts the launched agents whenever a runtime comes: start is idempotent, and a runtime that was there
     * already may have read the agents to resume before these were marked to run.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRunner(AgentRunner bound) {
        for (UUID id : launched) {
            bound.start(id).reason().ifPresent(reason -> LOG.warn("Agent {} did not start: {}", id, reason));
        }
    }

    void unbindRunner(AgentRunner gone) {
        // nothing to undo: the agents stay marked to run, and the next runtime starts them
    }

    @Deactivate
    void deactivate() {
        report.unregister();
    }

    static Optional<Path> defaultCharacter(BundleContext context) {
        boolean wanted = !"false".equalsIgnoreCase(property(context, "ELIZA_DEFAULT_AGENT").trim());
        String home = property(context, "ELIZA_HOME");
        Optional<Path> file = wanted && !home.isBlank() ? Optional.of(Path.of(home, "characters", "eliza.json"))
                : Optional.empty();
        // an install kept from an earlier version (run.sh keeps characters/) may lack it: that is no reason to fail
        file.filter(f -> !Files.exists(f)).ifPresent(f -> LOG.warn("No default agent: {} is missing", f));
        return file.filter(Files::exists);
    }

    static List<Path> files(BundleContext context) {
        return Arrays.stream(property(context, "ELIZA_CHARACTERS").split("[," + File.pathSeparator + "]"))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }

    private static String property(BundleContext context, String key) {
        return Optional.ofNullable(context.getProperty(key)).orElse("");
    }
}
