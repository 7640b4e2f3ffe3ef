package dev.eliza.agents.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.eliza.agents.api.Agent;
import dev.eliza.agents.api.AgentDirectory;
import dev.eliza.agents.api.InvalidCharacterException;
import dev.eliza.agents.impl.CharacterFiles.LaunchException;
import dev.eliza.rooms.api.ElizaIds;

/**
 * What {@code elizaos start} does with characters at launch: on a fresh database the default agent is created,
 * and every character file given is created, or replaces the character of the agent of the same name; all of them
 * are then marked to run. Ids are ElizaOS's: the agent of that name keeps its id, else the file's {@code id}, else
 * {@code stringToUuid(name)}, so the same file gives the same agent on every install.
 */
final class LaunchCharacters {
    static final String DEFAULT_AGENT_MARKER = "default-agent";

    private final AgentDirectory agents;
    private final LaunchMarkers markers;

    LaunchCharacters(AgentDirectory agents, LaunchMarkers markers) {
        this.agents = agents;
        this.markers = markers;
    }

    /**
     * Applies the default character (when given) and the files, in order; returns the ids of the agents to start.
     *
     * @throws LaunchException naming the file and what is wrong with it
     */
    List<UUID> apply(Optional<Path> defaultCharacter, List<Path> files) {
        List<UUID> ids = new ArrayList<>();
        defaultCharacter.flatMap(this::createDefault).ifPresent(ids::add);
        for (Path file : files) {
            UUID id = createOrUpdate(file, CharacterFiles.read(file));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        ids.forEach(id -> agents.markActive(id, true));
        return ids;
    }

    /**
     * The marker is set whatever follows, so an install that already has agents never gets the default one, and
     * one whose operator deleted it does not get it back.
     */
    private Optional<UUID> createDefault(Path file) {
        ObjectNode character = CharacterFiles.read(file);
        if (!markers.claim(DEFAULT_AGENT_MARKER) || agents.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(createOrUpdate(file, character));
    }

    private UUID createOrUpdate(Path file, ObjectNode character) {
        ObjectNode stored = character.deepCopy();
        String name = stored.path("name").asText("");
        Optional<UUID> existing = agents.list().stream().filter(agent -> agent.name().equals(name))
                .map(Agent::id).findFirst();
        if (existing.isPresent()) {
            stored.put("id", existing.get().toString());
        } else if (!stored.hasNonNull("id")) {
            stored.put("id", ElizaIds.fromText(name).toString());
        }
        try {
            return agents.create(stored).id();
        } catch (InvalidCharacterException e) {
            throw new LaunchException(file + ": " + e.getMessage());
        }
    }
}
