package dev.eliza.http.impl;

import java.util.List;

/** One domain bundle as the modules API shows it. */
record ModuleInfo(String name, String domain, String role, String version, String state, List<String> paths) {
}
