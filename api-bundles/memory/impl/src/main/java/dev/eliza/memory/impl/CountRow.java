package dev.eliza.memory.impl;

/** A group and how many memories it holds, for the stats; public so MyBatis constructs it. */
public record CountRow(String name, long total) {
}
