package dev.eliza.sdk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An agent as plugins see it.
 *
 * @param id the agent's id
 * @param name the character's name
 * @param enabled whether the agent may run
 * @param plugins the plugin ids its character lists
 * @param character the whole character as plain maps, lists, strings, numbers and booleans, without secrets
 */
public record AgentInfo(UUID id, String name, boolean enabled, List<String> plugins, Map<String, Object> character) {
}
