package dev.eliza.providers.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.TextRequest;

/**
 * A deterministic conversational responder in the manner of Weizenbaum's ELIZA, over {@link Script}: the
 * highest-ranked keyword of the message picks a rule, the rule's first matching decomposition picks the templates,
 * and the conversation's length picks the template, so the same conversation always gets the same answer. With no
 * keyword it comes back to a topic the user raised earlier ("my ..."), read from the history: it keeps no state.
 */
final class Responder {
    /** A captured fragment echoed back is cut to this many words. */
    static final int MAX_ECHOED_WORDS = 12;
    /** More than this many words with no keyword is "a lot". */
    static final int LONG_WORDS = 80;
    private static final int MEMORY_TURNS = 20;

    String reply(TextRequest request) {
        List<ChatTurn> history = earlierTurns(request);
        int turn = history.size();
        String last = lastReply(history);
        List<Sentence> sentences = Words.sentences(request.prompt());
        if (sentences.isEmpty()) {
            return pick(Script.EMPTY, turn, last);
        }
        Context context = new Context(request.system(), history, turn, last);
        String keyed = byKeyword(sentences, context);
        if (keyed != null) {
            return keyed;
        }
        int words = 0;
        for (Sentence sentence : sentences) {
            words += sentence.length();
        }
        if (words > LONG_WORDS || request.prompt().length() > Words.MAX_CHARS) {
            return pick(Script.LONG, turn, last);
        }
        if (sentences.get(sentences.size() - 1).question()) {
            return pick(Script.QUESTION, turn, last);
        }
        List<String> topics = Memory.topics(history, MEMORY_TURNS);
        if (!topics.isEmpty()) {
            String topic = topics.get(turn % topics.size());
            return fill(Script.MEMORY[turn % Script.MEMORY.length], topic, last, Script.MEMORY, turn);
        }
        return pick(words <= 2 ? Script.SHORT : Script.FALLBACK, turn, last);
    }

    private String byKeyword(List<Sentence> sentences, Context context) {
        List<Candidate> candidates = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            String[] words = sentences.get(s).words();
            for (String word : words) {
                List<Rule> rules = Script.BY_KEYWORD.get(word);
                if (rules != null) {
                    for (Rule rule : rules) {
                        candidates.add(new Candidate(rule, s, candidates.size()));
                    }
                }
            }
        }
        // Highest rank first; among equals the keyword met first.
        candidates.sort((a, b) -> a.rule.rank() != b.rule.rank() ? b.rule.rank() - a.rule.rank() : a.order - b.order);
        int[] captures = new int[8];
        for (Candidate candidate : candidates) {
            Sentence sentence = sentences.get(candidate.sentence);
            for (Decomposition decomposition : candidate.rule.decompositions()) {
                if (decomposition.match(sentence, Script.GROUPS, captures)) {
                    String answer = assemble(decomposition, sentence, captures, context, candidate.rule);
                    if (answer != null) {
                        return answer;
                    }
                }
            }
        }
        return null;
    }

    /** The reassembled answer, or null when a template needs a fragment the message left empty. */
    private static String assemble(Decomposition decomposition, Sentence sentence, int[] captures, Context context,
                                   Rule rule) {
        String[] templates = decomposition.templates();
        int start = context.turn + rule.name().length();
        for (int attempt = 0; attempt < templates.length; attempt++) {
            String template = templates[(start + attempt) % templates.length];
            String answer = fillTemplate(template, sentence, captures, decomposition.wildcards(), context);
            if (answer != null && (!answer.equals(context.last) || templates.length == 1)) {
                return answer;
            }
        }
        return null;
    }

    private static String fillTemplate(String template, Sentence sentence, int[] captures, int wildcards,
                                       Context context) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '(' && i + 2 < template.length() && template.charAt(i + 2) == ')'
                    && Character.isDigit(template.charAt(i + 1))) {
                int n = template.charAt(i + 1) - '1';
                if (n < 0 || n >= wildcards || captures[2 * n] == captures[2 * n + 1]) {
                    return null;
                }
                int to = Math.min(captures[2 * n + 1], captures[2 * n] + MAX_ECHOED_WORDS);
                out.append(Reflection.reflect(sentence, captures[2 * n], to));
                i += 3;
            } else if (template.startsWith("{name}", i)) {
                Optional<String> name = context.name();
                if (name.isEmpty()) {
                    return null;
                }
                out.append(name.get());
                i += "{name}".length();
            } else if (template.startsWith("{intro}", i)) {
                context.name().ifPresent(name -> out.append("I'm ").append(name).append(". "));
                i += "{intro}".length();
            } else {
                out.append(c);
                i++;
            }
        }
        return capitalize(out.toString().strip());
    }

    private static String fill(String template, String topic, String last, String[] all, int turn) {
        String answer = template.replace("(1)", topic);
        if (answer.equals(last)) {
            answer = all[(turn + 1) % all.length].replace("(1)", topic);
        }
        return answer;
    }

    private static String pick(String[] answers, int turn, String last) {
        String answer = answers[turn % answers.length];
        return answer.equals(last) ? answers[(turn + 1) % answers.length] : answer;
    }

    private static String capitalize(String text) {
        return text.isEmpty() || Character.isUpperCase(text.charAt(0)) ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The turns before the message being answered (the runtime may or may not include it as the last turn). */
    private static List<ChatTurn> earlierTurns(TextRequest request) {
        List<ChatTurn> history = request.history();
        if (!history.isEmpty()) {
            ChatTurn latest = history.get(history.size() - 1);
            if (latest.role() == ChatTurn.Role.USER && latest.text().equals(request.prompt())) {
                return history.subList(0, history.size() - 1);
            }
        }
        return history;
    }

    private static String lastReply(List<ChatTurn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == ChatTurn.Role.ASSISTANT) {
                return history.get(i).text();
            }
        }
        return "";
    }

    private record Candidate(Rule rule, int sentence, int order) {
    }

    /** What templates may need; the agent's name is looked up only when one does. */
    private static final class Context {
        final String system;
        final List<ChatTurn> history;
        final int turn;
        final String last;
        private Optional<String> name;

        Context(String system, List<ChatTurn> history, int turn, String last) {
            this.system = system;
            this.history = history;
            this.turn = turn;
            this.last = last;
        }

        Optional<String> name() {
            if (name == null) {
                name = AgentName.of(system, history);
            }
            return name;
        }
    }
}
