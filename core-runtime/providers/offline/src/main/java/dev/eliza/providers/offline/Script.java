package dev.eliza.providers.offline;

import static dev.eliza.providers.offline.Decomposition.of;
import static dev.eliza.providers.offline.Decomposition.remembered;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The responder's own script (written for this server, not taken from any published one): keyword rules with
 * ranks, their decompositions and reassembly templates, and the word groups patterns refer to. In templates,
 * {@code (n)} is the n-th {@code *} of the pattern, reflected; {@code {name}} is the agent's name and
 * {@code {intro}} says "I'm NAME. " when the agent has a name.
 */
final class Script {
    private static final String[] GREETINGS = {"Hello! {intro}What would you like to talk about?",
        "Hi there! {intro}What's on your mind today?", "Hey! {intro}How can I help you today?"};
    static final Map<String, Set<String>> GROUPS = Map.of(
            "daytime", Set.of("morning", "afternoon", "evening", "day"),
            "feel", Set.of("feel", "feeling", "felt", "feels"),
            "sad", Set.of("sad", "unhappy", "depressed", "down", "lonely", "miserable", "upset", "tired", "stressed",
                    "anxious", "worried", "scared", "afraid", "angry", "frustrated", "bored"),
            "glad", Set.of("happy", "glad", "excited", "great", "fine", "good", "better", "calm", "proud"),
            "want", Set.of("want", "need", "wish", "hope"),
            "believe", Set.of("think", "believe", "suppose", "guess", "doubt"),
            "family", Set.of("mother", "mom", "mum", "father", "dad", "sister", "brother", "wife", "husband",
                    "son", "daughter", "parents", "family", "children", "kids", "grandmother", "grandfather"),
            "everyone", Set.of("everyone", "everybody", "nobody", "noone"));

    static final List<Rule> RULES = List.of(
            rule("seeyou", 9, Set.of("see"),
                    of("* see you later *", "See you later! It was good talking with you.",
                            "Until next time. Take care!"),
                    of("* see you soon *", "See you soon! Take care.")),
            rule("goodbye", 9, Set.of("bye", "goodbye", "farewell", "goodnight", "cya"),
                    of("*", "Goodbye! It was good talking with you.", "Take care, and come back any time.",
                            "Bye for now. I enjoyed our conversation.")),
            rule("thanks", 8, Set.of("thanks", "thank", "thankyou", "appreciate", "cheers"),
                    of("*", "You're welcome! Is there anything else on your mind?",
                            "Glad I could help. What else would you like to talk about?",
                            "Any time. Shall we keep going?")),
            rule("name", 7, Set.of("name", "called"),
                    of("* my name is *", "Nice to meet you, (2). What would you like to talk about?",
                            "Hello, (2). What brings you here today?"),
                    of("* your name *", "{intro}What would you like to talk about?",
                            "You can call me {name}. What's on your mind?"),
                    of("* i am called *", "Nice to meet you, (2).")),
            rule("identity", 6, Set.of("who", "what"),
                    of("* who are you *", "{intro}I'm here to listen and talk things through with you.",
                            "{intro}Think of me as someone to think out loud with."),
                    of("* what are you *", "{intro}I'm a conversational agent running on this server, no network "
                            + "needed. What would you like to talk about?"),
                    of("* what can you do *", "I can listen, ask questions and help you think things through. "
                            + "What's on your mind?"),
                    of("* what is your *", "Why do you want to know my (2)?", "Does my (2) matter to you?"),
                    of("* what do you think *", "What do you think yourself?",
                            "I'd rather hear your view first. What do you think?")),
            rule("howareyou", 6, Set.of("how"),
                    of("* how are you *", "I'm doing well, thank you for asking. How are you?",
                            "All good here. How are things with you?"),
                    of("* how do i *", "What have you tried so far to (2)?",
                            "What would be the first small step to (2)?"),
                    of("* how can i *", "What would help you (2)?",
                            "What has stopped you so far from trying to (2)?")),
            rule("computer", 5, Set.of("computer", "computers", "machine", "machines", "robot", "bot", "ai", "program"),
                    of("*", "Does it feel strange to talk with a program?",
                            "What do you think about machines like me?",
                            "Do you think a computer can really understand you?")),
            rule("remember", 5, Set.of("remember", "recall", "forget", "forgot"),
                    of("* do you remember *", "What about (2) should I remember?",
                            "Why do you bring up (2) now?"),
                    of("* i remember *", "What makes you think of (2) right now?",
                            "Do you often think about (2)?", "What else does (2) bring back?"),
                    of("* i @believe i forgot *", "What do you think you forgot?"),
                    of("*", "Memories can be powerful. What comes to mind?")),
            rule("feel", 4, Set.of("feel", "feeling", "felt", "feels"),
                    of("* i @feel @sad *", "I'm sorry you're feeling that way. What do you think is behind it?",
                            "How long have you felt like this?",
                            "What usually helps when you feel like that?"),
                    of("* i @feel @glad *", "That's good to hear! What made you feel that way?",
                            "I'm glad. What's been going well?"),
                    of("* i @feel like *", "What makes it feel like (3)?", "When did it start to feel like (3)?"),
                    of("* i @feel *", "Tell me more about feeling (3).", "What makes you feel (3)?",
                            "Do you often feel (3)?"),
                    of("*", "Feelings matter. Tell me more.")),
            rule("want", 4, Set.of("want", "need", "wish", "hope"),
                    of("* i @want to *", "What would it mean to you to (3)?", "What stands in the way of you "
                            + "being able to (3)?", "Why do you (2) to (3)?"),
                    of("* i @want *", "What would it mean to you to have (3)?", "Why do you (2) (3)?",
                            "What if you never got (3)?"),
                    of("*", "What do you really want?")),
            rule("family", 3, GROUPS.get("family"),
                    remembered("* my * @family *", "Tell me more about your family.",
                            "How do you get along with your family?"),
                    remembered("* my @family *", "Tell me more about your family.",
                            "What is your relationship with your family like?",
                            "How do you get along with your family?"),
                    of("*", "Family can mean a lot. Tell me more.")),
            rule("iam", 3, Set.of("am"),
                    of("* i am not *", "Why do you say you are not (2)?", "Would you like to be (2)?"),
                    of("* i am @sad *", "I'm sorry to hear you are (2). What's been happening?",
                            "What do you think makes you (2)?", "How long have you been (2)?"),
                    of("* i am @glad *", "That's good to hear. What makes you (2)?",
                            "I'm glad you are (2). Tell me more."),
                    of("* i am *", "How long have you been (2)?", "Why do you say you are (2)?",
                            "How does being (2) change things for you?"),
                    of("* am i *", "Do you believe you are (2)?", "What would it mean if you were (2)?"),
                    of("*", "Go on.")),
            rule("cannot", 3, Set.of("not"),
                    of("* i can not *", "What makes you think you can't (2)?",
                            "Have you tried to (2)?", "What would it take to (2)?"),
                    of("* i do not *", "Why don't you (2)?", "Would you like to (2)?"),
                    of("* you do not *", "Would you like me to (2)?", "What makes you think I don't (2)?")),
            rule("you", 2, Set.of("you"),
                    of("* you are *", "What makes you think I am (2)?", "Does it please you to believe I am (2)?",
                            "Perhaps you would like to be (2)."),
                    of("* can you *", "What if I could (2)?", "Why do you ask whether I can (2)?"),
                    of("* are you *", "Would it matter to you if I were (2)?", "What if I were (2)?"),
                    of("* you *", "We were talking about you, not me.", "What makes you say that about me?",
                            "Let's focus on you. How do you see it?")),
            rule("because", 2, Set.of("because", "since"),
                    of("*", "Is that the real reason?", "What other reasons come to mind?",
                            "Does that explain everything?")),
            rule("my", 2, Set.of("my"),
                    remembered("* my *", "Your (2)?", "Why does your (2) matter to you?",
                            "Tell me more about your (2).")),
            rule("why", 2, Set.of("why"),
                    of("* why do not you *", "Would you like me to (2)?", "What if I did (2)?"),
                    of("* why can not i *", "What do you think stops you from being able to (2)?",
                            "Do you believe you should be able to (2)?"),
                    of("* why *", "Why do you think?", "What reasons have you considered?",
                            "What answer would make sense to you?")),
            rule("everyone", 2, GROUPS.get("everyone"),
                    of("*", "Really, everyone? Can you think of someone in particular?",
                            "Is there anyone who is an exception?")),
            rule("always", 1, Set.of("always", "never"),
                    of("*", "Can you think of a specific example?", "Always? Is there an exception?",
                            "When did you notice that?")),
            rule("help", 1, Set.of("help", "advice", "stuck"),
                    of("*", "I'll do my best. What would you like help with?",
                            "Let's work through it together. Where would you like to start?")),
            rule("if", 1, Set.of("if"),
                    of("* if *", "Do you think it's likely that (2)?", "What would happen if (2)?",
                            "What do you know about whether (2)?")),
            rule("dream", 1, Set.of("dream", "dreams", "dreamed", "dreamt"),
                    of("*", "What do you think that dream means?", "Do you dream often?",
                            "How did you feel when you woke up?")),
            rule("maybe", 1, Set.of("maybe", "perhaps", "possibly", "probably"),
                    of("*", "You sound unsure.", "What would make you more certain?")),
            rule("yes", 0, Set.of("yes", "yeah", "yep", "sure", "right", "ok", "okay"),
                    of("*", "I see. Tell me more.", "You seem sure about that.", "Okay. What happens next?")),
            rule("no", 0, Set.of("no", "nope", "nah"),
                    of("*", "Why not?", "Okay. What would you rather talk about?", "You sound certain.")),
            rule("sorry", 0, Set.of("sorry", "apologize", "apologise"),
                    of("*", "No need to apologize.", "It's all right. Go on.")),
            rule("question", 0, Set.of("what", "how", "who", "where", "when", "which"),
                    of("* what is *", "What do you already know about (2)?",
                            "What would knowing about (2) change for you?",
                            "That's a good question. What got you wondering about (2)?"),
                    of("* who *", "Who do you think it might be?", "Does someone in particular come to mind?"),
                    of("* where *", "Where do you think?", "Does the place matter to you?"),
                    of("* when *", "When do you think?", "Does the time matter much to you?"),
                    of("*", "What answer would satisfy you?", "What do you think?",
                            "Why does that question come up for you now?")),
            rule("hello", 0, Set.of("hello", "hi", "hey", "greetings", "howdy", "hiya", "yo"),
                    of("*", GREETINGS)),
            rule("daytime", 0, Set.of("good"),
                    of("* good @daytime *", GREETINGS)));

    static final String[] MEMORY = {
        "Earlier you mentioned your (1). Does that have anything to do with this?",
        "Let's go back to your (1) for a moment. How are things there?",
        "You told me about your (1) before. Tell me more about it."
    };
    static final String[] EMPTY = {"I'm listening. What would you like to talk about?",
        "Take your time. What's on your mind?"};
    static final String[] SHORT = {"Could you say a little more?", "Go on.", "Can you tell me more about that?"};
    static final String[] QUESTION = {"That's a good question. What do you think?", "Why do you ask?",
        "What answer would you hope for?"};
    static final String[] LONG = {"There's a lot in what you wrote. Which part matters most to you?",
        "That's a lot to take in. Where would you like to start?"};
    static final String[] FALLBACK = {"I see. Please go on.", "Tell me more.", "How does that make you feel?",
        "What makes you say that?", "Interesting. Why do you think that is?", "Let's explore that a bit more."};

    /** The rules each keyword calls, highest rank first. */
    static final Map<String, List<Rule>> BY_KEYWORD = index();

    private Script() {
    }

    private static Rule rule(String name, int rank, Set<String> keywords, Decomposition... decompositions) {
        return new Rule(name, rank, keywords, List.of(decompositions));
    }

    private static Map<String, List<Rule>> index() {
        Map<String, List<Rule>> byKeyword = new HashMap<>();
        for (Rule rule : RULES) {
            for (String keyword : rule.keywords()) {
                byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(rule);
            }
        }
        Map<String, List<Rule>> sorted = new HashMap<>();
        byKeyword.forEach((keyword, rules) -> sorted.put(keyword, rules.stream()
                .sorted(Comparator.comparingInt(Rule::rank).reversed()).toList()));
        return Map.copyOf(sorted);
    }
}
