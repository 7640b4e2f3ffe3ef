package dev.eliza.providers.support;

import dev.eliza.models.api.ChatTurn;
import dev.eliza.models.api.TextRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link TextRequest} into a LangChain4j chat request: system prompt, earlier turns, then the prompt. */
public final class ChatTranscript {
    private ChatTranscript() {
    }

    /** The chat request for {@code request}, asking {@code model}. */
    public static ChatRequest of(TextRequest request, String model) {
        List<ChatMessage> messages = new ArrayList<>();
        if (request.system() != null && !request.system().isBlank()) {
            messages.add(SystemMessage.from(request.system()));
        }
        for (ChatTurn turn : request.history()) {
            messages.add(turn.role() == ChatTurn.Role.ASSISTANT ? AiMessage.from(turn.text())
                    : UserMessage.from(spoken(turn)));
        }
        messages.add(UserMessage.from(request.prompt()));
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages).modelName(model)
                .temperature(request.temperature());
        if (request.maxTokens() > 0) {
            builder.maxOutputTokens(request.maxTokens());
        }
        return builder.build();
    }

    // A room may hold several people; the speaker's name goes into the text because OpenAI's "name" field only
    // accepts [a-zA-Z0-9_-] and Anthropic has none.
    private static String spoken(ChatTurn turn) {
        return turn.name() == null || turn.name().isBlank() ? turn.text() : turn.name() + ": " + turn.text();
    }
}
