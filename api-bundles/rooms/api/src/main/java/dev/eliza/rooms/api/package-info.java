/**
 * The rooms domain as other bundles use it. A room is an agent's view of a place where messages are exchanged: each
 * agent has its own room for every channel it takes part in (the id ElizaOS derives from the channel's and the
 * agent's ids, see {@link dev.eliza.rooms.api.ElizaIds}), rooms created through the API, and the rooms of a group
 * (a world). {@link dev.eliza.rooms.api.AgentRooms} is registered by the rooms implementation; the agent runtime
 * and the memory domain use it to file memories under the right room.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.rooms.api;
