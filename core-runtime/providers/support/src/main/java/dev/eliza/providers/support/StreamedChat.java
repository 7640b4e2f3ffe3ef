package dev.eliza.providers.support;

import dev.eliza.models.api.ModelProviderException;
import dev.eliza.models.api.TextResult;
import dev.eliza.models.api.TextStream;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one streaming chat call and hands its pieces to a {@link TextStream} on the calling thread, as the contract
 * requires: LangChain4j's HTTP client delivers them on its own threads, so they pass through a queue.
 */
public final class StreamedChat {
    private final String provider;
    private final Duration timeout;

    /** Calls of {@code provider} that fail when no piece arrives within {@code timeout}. */
    public StreamedChat(String provider, Duration timeout) {
        this.provider = provider;
        this.timeout = timeout;
    }

    /**
     * Streams {@code request} through {@code model} into {@code stream} and returns the whole text.
     *
     * @param secret the key used, cut out of any error text (may be null)
     */
    public TextResult run(StreamingChatModel model, ChatRequest request, TextStream stream, String secret) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                events.add(new Piece(partial));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                events.add(response);
            }

            @Override
            public void onError(Throwable error) {
                events.add(error);
            }
        });
        StringBuilder text = new StringBuilder();
        while (true) {
            Object event = next(events);
            if (event instanceof Piece piece) {
                text.append(piece.text());
                stream.next(piece.text());
            } else if (event instanceof ChatResponse response) {
                return result(request, response, text);
            } else {
                throw Failures.classify(provider, (Throwable) event, secret);
            }
        }
    }

    private Object next(BlockingQueue<Object> events) {
        try {
            Object event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new ModelProviderException(provider + " sent nothing for " + timeout.toSeconds() + " s", true);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelProviderException(provider + " call interrupted", true, e);
        }
    }

    private static TextResult result(ChatRequest request, ChatResponse response, StringBuilder streamed) {
        String text = response.aiMessage() != null && response.aiMessage().text() != null
                ? response.aiMessage().text() : streamed.toString();
        TokenUsage usage = response.tokenUsage();
        int prompt = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount()
                : estimate(request.messages().toString());
        int completion = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount()
                : estimate(text);
        String model = response.modelName() != null ? response.modelName() : request.modelName();
        return new TextResult(text, model, prompt, completion);
    }

    // About four characters a token in English, the usual rule of thumb, for servers that report no usage.
    private static int estimate(String text) {
        return Math.max(1, text.length() / 4);
    }

    private record Piece(String text) {
    }
}
