package org.icm.gateway.problems;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces is problem+json: unknown paths (404), a stopped or failing service
 * (503, also while its circuit breaker is open), a service too slow to answer (504), and whatever else goes wrong
 * (500, logged). Answers of the services pass through untouched: they are problem+json already.
 * Runs before Spring Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // the route's circuit breaker is open (Spring Cloud Gateway turns CallNotPermittedException into its own)
        if (has(error, CallNotPermittedException.class) || has(error, ServiceUnavailableException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The service behind this path failed repeatedly and is given a moment to recover; try again shortly.");
        }
        if (has(error, ConnectException.class) || has(error, UnknownHostException.class)
                || has(error, io.netty.channel.ConnectTimeoutException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The service behind this path cannot be reached; try again shortly.");
        }
        if (has(error, TimeoutException.class)) {
            return GatewayProblems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Service too slow",
                    "The service behind this path did not answer in time.");
        }
        ResponseStatusException statusError = find(error, ResponseStatusException.class);
        if (statusError != null) {
            return statusProblem(exchange, statusError.getStatusCode(), statusError.getReason());
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        return GatewayProblems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The gateway could not handle this request; the error is logged.");
    }

    private static Mono<Void> statusProblem(ServerWebExchange exchange, HttpStatusCode code, String reason) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> GatewayProblems.write(exchange, status, "not-found", "Not found",
                    "No API answers at " + exchange.getRequest().getPath().value() + ".");
            case METHOD_NOT_ALLOWED -> GatewayProblems.write(exchange, status, "method-not-allowed", "Method not allowed",
                    exchange.getRequest().getMethod() + " is not allowed here.");
            case CONTENT_TOO_LARGE -> GatewayProblems.write(exchange, status, "payload-too-large", "Request body too large",
                    reason != null ? reason : "The request body is larger than the gateway accepts.");
            case SERVICE_UNAVAILABLE -> GatewayProblems.write(exchange, status, "service-unavailable", "Service unavailable",
                    "The service behind this path cannot be reached; try again shortly.");
            case GATEWAY_TIMEOUT -> GatewayProblems.write(exchange, status, "gateway-timeout", "Service too slow",
                    "The service behind this path did not answer in time.");
            default -> GatewayProblems.write(exchange, status, status.is4xxClientError() ? "bad-request" : "internal-error",
                    status.getReasonPhrase(), reason != null ? reason : status.getReasonPhrase());
        };
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
