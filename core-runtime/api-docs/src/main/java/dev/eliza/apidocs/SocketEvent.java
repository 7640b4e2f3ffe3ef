package dev.eliza.apidocs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Socket.IO event of the catalogue: its name as emitted, what it is for, and the schema of its first argument.
 */
record SocketEvent(String name, String summary, ObjectNode payload) {
}
