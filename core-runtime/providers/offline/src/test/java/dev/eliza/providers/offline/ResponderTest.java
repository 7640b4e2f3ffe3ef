package dev.eliza.providers.offline;

import static dev.eliza.providers.offline.Conversations.reply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;

class ResponderTest {
    private final Responder responder = new Responder();

    private String answer(String prompt, String... earlier) {
        return responder.reply(reply(prompt, earlier));
    }

    @Test
    void greetsWithTheNameTheSystemPromptGives() {
        assertThat(answer("Hello!")).contains("I'm Ada.");
        assertThat(responder.reply(Conversations.withSystem("# About Grace Hopper\nA pioneer.", "hi there"))).contains("I'm Grace Hopper.");
        assertThat(responder.reply(Conversations.withSystem("You are a helpful assistant.", "hey"))).doesNotContain("I'm")
                .doesNotContain("{");
    }

    @Test
    void theNameOnTheAgentsOwnTurnsWinsOverTheSystemPrompt() {
        List<ChatTurn> history = List.of(new ChatTurn(ChatTurn.Role.USER, "Sam", "hi"),
                new ChatTurn(ChatTurn.Role.ASSISTANT, "Marvin", "Hello."));
        TextRequest request = new TextRequest(Conversations.AGENT, TextRequest.Purpose.REPLY, ModelClass.TEXT_LARGE,
                "You are Ada.", history, "good morning", 100, 0, new ProviderSettings(java.util.Map.of()));
        assertThat(responder.reply(request)).contains("I'm Marvin.");
    }

    @Test
    void reflectsThePronounsOfWhatItEchoes() {
        assertThat(answer("I want to fix my bike")).containsAnyOf("to fix your bike", "fix your bike");
        assertThat(answer("I feel that you never listen to me")).contains("that I never listen to you");
        assertThat(answer("You are annoying me")).contains("I am annoying you");
    }

    @Test
    void theHighestRankedKeywordDecides() {
        // "my" (rank 2) and "am" (rank 3) and "sad" words: the "i am <sad>" decomposition answers.
        String answer = answer("my exam is tomorrow and I am worried");
        assertThat(answer).containsAnyOf("worried", "What's been happening");
        // "thanks" outranks the greeting.
        assertThat(answer("hi, thanks for the help")).containsAnyOf("welcome", "Glad", "Any time");
        assertThat(answer("bye, thanks")).containsAnyOf("Goodbye", "Take care", "Bye");
    }

    @Test
    void answersQuestionsThanksGoodbyesAndShortOrEmptyInputs() {
        assertThat(answer("How are you?")).containsAnyOf("doing well", "All good");
        assertThat(answer("What is the meaning of life?")).contains("the meaning of life");
        assertThat(answer("Is it going to rain tomorrow?")).isIn((Object[]) Script.QUESTION);
        assertThat(answer("Thank you so much")).containsAnyOf("welcome", "Glad", "Any time");
        assertThat(answer("Goodbye")).containsAnyOf("Goodbye", "Take care", "Bye");
        assertThat(answer("")).isIn((Object[]) Script.EMPTY);
        assertThat(answer("   \n ")).isIn((Object[]) Script.EMPTY);
        assertThat(answer("potatoes")).isIn((Object[]) Script.SHORT);
        assertThat(answer("The train was late again this morning and the coffee was cold"))
                .isIn((Object[]) Script.FALLBACK);
    }

    @Test
    void comesBackToAnEarlierTopicWhenNothingMatches() {
        String answer = answer("The train was late", "my sister moved to Lisbon last week", "Your sister moved?",
                "Yes", "I see. Tell me more.");
        assertThat(answer).contains("your sister moved to Lisbon last week");
    }

    @Test
    void cyclesTemplatesWithTheConversationAndNeverRepeatsItsLastAnswer() {
        Set<String> answers = new HashSet<>();
        String[] earlier = {};
        String last = "";
        for (int i = 0; i < 6; i++) {
            String answer = answer("I feel tired of everything", earlier);
            assertThat(answer).isNotEqualTo(last);
            answers.add(answer);
            last = answer;
            earlier = java.util.stream.Stream.concat(java.util.Arrays.stream(earlier),
                    java.util.stream.Stream.of("I feel tired of everything", answer)).toArray(String[]::new);
        }
        assertThat(answers).hasSizeGreaterThan(1);
    }

    @Test
    void isDeterministic() {
        String[] earlier = {"my dog is ill", "Your dog is ill?", "yes"};
        String first = answer("it rained all day", earlier);
        for (int i = 0; i < 20; i++) {
            assertThat(new Responder().reply(reply("it rained all day", earlier))).isEqualTo(first);
        }
    }

    @Test
    void theMessageRepeatedAsTheLastTurnOfTheHistoryCountsOnce() {
        assertThat(answer("I am happy today", "I am happy today")).isEqualTo(answer("I am happy today"));
    }

    @Test
    void aVeryLongInputIsAnsweredQuicklyWithBoundedWork() {
        String line = "the weather report said clouds over the hills and rain near the coast ";
        String huge = line.repeat(100_000 / line.length() + 1);
        assertThat(huge.length()).isGreaterThan(100_000);
        long started = System.nanoTime();
        String answer = answer(huge);
        long micros = (System.nanoTime() - started) / 1_000;
        assertThat(answer).isIn((Object[]) Script.LONG);
        assertThat(micros).as("microseconds for 100 KB").isLessThan(200_000);
        String withKeyword = "I remember " + huge;
        assertThat(answer(withKeyword)).isNotEmpty().hasSizeLessThan(300);
    }
}
