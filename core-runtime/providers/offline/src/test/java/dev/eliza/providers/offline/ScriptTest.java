package dev.eliza.providers.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ScriptTest {
    private static final Pattern CAPTURE = Pattern.compile("\\((\\d)\\)");

    @Test
    void everyTemplateRefersOnlyToPartsItsPatternCaptures() {
        for (Rule rule : Script.RULES) {
            for (Decomposition decomposition : rule.decompositions()) {
                for (String template : decomposition.templates()) {
                    Matcher matcher = CAPTURE.matcher(template);
                    while (matcher.find()) {
                        assertThat(Integer.parseInt(matcher.group(1))).as(rule.name() + ": " + template)
                                .isBetween(1, decomposition.wildcards());
                    }
                }
                for (String part : decomposition.pattern()) {
                    if (part.startsWith("@")) {
                        assertThat(Script.GROUPS).as(rule.name()).containsKey(part.substring(1));
                    }
                }
            }
        }
    }

    @Test
    void patternsCaptureWildcardsAndGroupWordsInOrder() {
        Sentence sentence = Words.sentences("well I feel like nothing works").get(0);
        int[] captures = new int[8];
        assertThat(Decomposition.of("* i @feel like *", "x").match(sentence, Script.GROUPS, captures)).isTrue();
        assertThat(Reflection.reflect(sentence, captures[0], captures[1])).isEqualTo("well");
        assertThat(Reflection.reflect(sentence, captures[2], captures[3])).isEqualTo("feel");
        assertThat(Reflection.reflect(sentence, captures[4], captures[5])).isEqualTo("nothing works");
        assertThat(Decomposition.of("* i @want *", "x").match(sentence, Script.GROUPS, captures)).isFalse();
    }

    @Test
    void reflectionSwapsTheSpeakers() {
        Sentence sentence = Words.sentences("I was sure you were angry with me and my friends, I'm sorry").get(0);
        assertThat(Reflection.reflect(sentence, 0, sentence.length()))
                .isEqualTo("you were sure I was angry with you and your friends");
        Sentence mine = Words.sentences("I'm sure that's yours, not mine").get(0);
        assertThat(Reflection.reflect(mine, 0, mine.length())).isEqualTo("you are sure that is mine");
    }

    @Test
    void wordsSplitClausesSpellOutContractionsAndStayBounded() {
        var sentences = Words.sentences("Hi! I can't sleep, but it's fine? ok");
        assertThat(sentences).extracting(s -> String.join(" ", s.words()))
                .containsExactly("hi", "i can not sleep", "it is fine", "ok");
        assertThat(sentences.get(2).question()).isTrue();
        assertThat(Words.sentences("word ".repeat(100_000))).hasSize(1)
                .allSatisfy(s -> assertThat(s.length()).isEqualTo(Words.MAX_WORDS));
        assertThat(Words.sentences("a. ".repeat(100_000))).hasSize(Words.MAX_SENTENCES);
    }
}
