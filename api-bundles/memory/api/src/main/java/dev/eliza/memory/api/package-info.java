/**
 * The memory domain as other bundles use it: what agents remember. {@link dev.eliza.memory.api.AgentMemories} is
 * registered by the memory implementation; the agent runtime files every message an agent receives and every reply
 * as a memory of the agent's room and recalls the memories that bear on a new message; the rooms domain forgets
 * the memories of the rooms it deletes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package dev.eliza.memory.api;
