package dev.eliza.providers.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.ModelClass;
import dev.eliza.models.api.ProviderSettings;
import dev.eliza.models.api.TextRequest;

/** Builds requests for the tests: a conversation of alternating user and agent turns. */
final class Conversations {
    static final UUID AGENT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private Conversations() {
    }

    static TextRequest reply(String prompt, String... earlier) {
        return withSystem("You are Ada.", prompt, earlier);
    }

    static TextRequest withSystem(String system, String prompt, String... earlier) {
        return new TextRequest(AGENT, TextRequest.Purpose.REPLY, ModelClass.TEXT_SMALL, system, turns(earlier),
                prompt, 256, 0, new ProviderSettings(Map.of()));
    }

    static TextRequest title(String... earlier) {
        return new TextRequest(AGENT, TextRequest.Purpose.TITLE, ModelClass.TEXT_SMALL, "", turns(earlier),
                "Write a short title for this conversation.", 32, 0, new ProviderSettings(Map.of()));
    }

    /** Turns alternating user, agent, user, …: the agent's turns carry no name, so names come from the system. */
    static List<ChatTurn> turns(String... texts) {
        List<ChatTurn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            boolean user = i % 2 == 0;
            turns.add(new ChatTurn(user ? ChatTurn.Role.USER : ChatTurn.Role.ASSISTANT, user ? "Sam" : "", texts[i]));
        }
        return turns;
    }
}
