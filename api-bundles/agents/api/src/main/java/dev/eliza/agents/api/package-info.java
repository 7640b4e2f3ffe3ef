/**
 * The agents domain as other bundles use it: the registry of agent characters ({@link
 * dev.eliza.agents.api.AgentDirectory}) and the records it hands out.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.eliza.agents.api;
