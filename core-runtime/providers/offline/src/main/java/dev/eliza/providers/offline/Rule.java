package dev.eliza.providers.offline;

import java.util.List;
import java.util.Set;

/**
 * A keyword rule: when one of {@code keywords} is in the user's text, the rule with the highest {@code rank}
 * decides the answer through the first of its decompositions that matches.
 *
 * @param name the rule's name (for tests and for varying the templates between rules)
 * @param rank how much this keyword outweighs others
 * @param keywords the words that call it
 * @param decompositions its patterns, tried in order
 */
record Rule(String name, int rank, Set<String> keywords, List<Decomposition> decompositions) {
}
