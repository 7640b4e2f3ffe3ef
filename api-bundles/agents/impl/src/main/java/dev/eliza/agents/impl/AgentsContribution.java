package dev.eliza.agents.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.http.api.DomainContribution;

/** Mounts the agents routes at {@code /api/agents} while the agent directory is available. */
@Component(service = DomainContribution.class)
public final class AgentsContribution implements DomainContribution {
    private final AgentsResource resource;

    @Activate
    public AgentsContribution(@Reference AgentDirectory agents, BundleContext context) {
        Optional<Path> characters = Optional.ofNullable(context.getProperty("ELIZA_HOME"))
                .map(home -> Path.of(home, "characters"));
        this.resource = new AgentsResource(agents, new CharacterSources(characters));
    }

    @Override
    public String domain() {
        return "agents";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/agents");
    }

    @Override
    public Set<Object> resources() {
        return Set.of(resource);
    }
}
