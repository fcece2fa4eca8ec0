package org.icm.gateway.problems;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by the gateway itself (before or instead of a service): the same stable
 * {@code urn:icm:problem:*} types and fields as the services' problems, so a client handles one shape.
 */
public final class GatewayProblems {

    /** Every problem type of the platform starts with this (as in the services). */
    public static final String TYPE_BASE = "urn:icm:problem:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayProblems() {
    }

    /** Writes the problem as the whole response; headers already set (Retry-After, WWW-Authenticate) stay. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // the service's answer has begun: nothing more can be said over it
            return Mono.empty();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
