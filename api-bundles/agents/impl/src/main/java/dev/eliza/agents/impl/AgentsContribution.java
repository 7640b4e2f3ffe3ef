package dev.eliza.agents.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.AgentRunner;
import dev.eliza.http.api.DomainContribution;

/**
 * Mounts the agents routes at {@code /api/agents} while the agent directory and stores are available. The agent
 * runtime is optional and dynamic: it comes and goes (stopped, updated) without the routes being remounted.
 */
@Component(service = DomainContribution.class)
public final class AgentsContribution implements DomainContribution {
    private final RunnerGate runner = new RunnerGate();
    private final Set<Object> resources;

    @Activate
    public AgentsContribution(@Reference AgentDirectory agents, @Reference Worlds worlds, @Reference AgentLogs logs,
                              BundleContext context) {
        Optional<Path> characters = Optional.ofNullable(context.getProperty("ELIZA_HOME"))
                .map(home -> Path.of(home, "characters"));
        this.resources = Set.of(new AgentsResource(agents, new CharacterSources(characters), runner),
                new WorldsResource(agents, worlds), new AllWorldsResource(worlds), new LogsResource(agents, logs),
                new RunsResource(agents, logs), new PanelsResource(agents, runner));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRunner(AgentRunner bound) {
        runner.bind(bound);
    }

    void unbindRunner(AgentRunner gone) {
        runner.unbind(gone);
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
        return resources;
    }
}
