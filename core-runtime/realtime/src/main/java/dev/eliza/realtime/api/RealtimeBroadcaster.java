package dev.eliza.realtime.api;

/** Sends events to connected Socket.IO clients; a service of the realtime bundle. */
public interface RealtimeBroadcaster {

    /** Sends to every socket in {@code room}. */
    void toRoom(String room, String event, Object... args);

    /** Sends to one socket; nothing happens if it is gone. */
    void toSocket(String socketId, String event, Object... args);

    /** Sends to every connected socket. */
    void toAll(String event, Object... args);

    /** Adds a socket to a room; {@code false} if no such socket is connected. */
    boolean join(String socketId, String room);

    /** Removes a socket from a room; {@code false} if no such socket is connected. */
    boolean leave(String socketId, String room);

    /** How many sockets are connected. */
    int connectedCount();
}
