package org.icm.testing;

import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Hands every line of a streamed HTTP body to a consumer, for reading a Server-Sent Events stream with
 * {@code HttpResponse.BodyHandlers.fromLineSubscriber(new LineSubscriber(lines::add))}. Errors and the end of the
 * stream are left to the response future.
 */
public record LineSubscriber(Consumer<String> onLine) implements Flow.Subscriber<String> {

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        onLine.accept(line);
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }
}
