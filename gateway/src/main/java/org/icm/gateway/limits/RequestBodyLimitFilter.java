package org.icm.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.icm.gateway.problems.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies above {@code icm.gateway.max-request-body} with 413: at once when Content-Length says so,
 * and while streaming when a chunked body grows past the limit (then the error handler answers, before the
 * service's answer has begun). Spring Cloud Gateway's RequestSize filter looks at Content-Length only.
 */
@Component
class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    RequestBodyLimitFilter(LimitProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
    }

    @Override
    public int getOrder() {
        // after security and the rate limits (so a refusal there comes first), before anything reads the body
        return RateLimitFilter.ORDER + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return GatewayProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                    tooLarge());
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge()));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private String tooLarge() {
        return "The request body is larger than " + maxBytes + " bytes, the most the gateway accepts.";
    }
}
