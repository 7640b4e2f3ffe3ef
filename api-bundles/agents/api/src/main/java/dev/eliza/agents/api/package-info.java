/**
 * The agents domain as other bundles use it: the registry of agent characters ({@link
 * dev.eliza.agents.api.AgentDirectory}) and the records it hands out, the journal the runtime writes runs and
 * model calls to ({@link dev.eliza.agents.api.AgentJournal}), the runner contract the agent runtime
 * implements ({@link dev.eliza.agents.api.AgentRunner}), and, since 1.2.0, the agents' worlds ({@link
 * dev.eliza.agents.api.AgentWorlds}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package dev.eliza.agents.api;
