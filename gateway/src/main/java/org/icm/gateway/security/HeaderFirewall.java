package org.icm.gateway.security;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.icm.gateway.problems.GatewayProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Spring Security's strict firewall, with every request header judged once, on arrival, by the strict firewall's own
 * rule (assigned characters, no control character; a tab allowed in values), checked a character at a time.
 * <p>
 * The strict firewall alone judges a header only when a filter reads it, by regular expressions: a header nobody at
 * the gateway reads (a C1 control such as NEL in {@code X-Note}) went on to the service, and the expressions were 6 %
 * of the gateway's CPU (GatewayOverheadBenchmark with JFR). Everything else of the strict firewall (paths, methods,
 * host names) is unchanged. A refused request gets a 400 problem naming what was refused.
 */
@Configuration(proxyBeanMethods = false)
class HeaderFirewall {

    @Bean
    ServerWebExchangeFirewall strictFirewall() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        // every header was judged on arrival (below): reading it again need not judge it again
        strict.setAllowedHeaderNames(name -> true);
        strict.setAllowedHeaderValues(value -> true);
        return exchange -> {
            String refused = refusedHeader(exchange.getRequest());
            return refused == null ? strict.getFirewalledExchange(exchange) : Mono.error(new ServerExchangeRejectedException(refused));
        };
    }

    @Bean
    ServerExchangeRejectedHandler rejectedRequestProblem() {
        return (exchange, rejected) -> GatewayProblems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
                rejected.getMessage());
    }

    /**
     * Why the first header that breaks the rule is refused, or null when every one keeps it. Reads Netty's own headers
     * when the request has them: Spring's view of them builds a map per request (2 % of the gateway's CPU in JFR).
     */
    static String refusedHeader(ServerHttpRequest request) {
        if (request instanceof AbstractServerHttpRequest server && server.getNativeRequest() instanceof HttpServerRequest netty) {
            Iterator<Map.Entry<CharSequence, CharSequence>> headers = netty.requestHeaders().iteratorCharSequence();
            while (headers.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = headers.next();
                String refused = refused(header.getKey(), header.getValue());
                if (refused != null) {
                    return refused;
                }
            }
            return null;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                String refused = refused(header.getKey(), value);
                if (refused != null) {
                    return refused;
                }
            }
        }
        return null;
    }

    private static String refused(CharSequence name, CharSequence value) {
        if (!isAllowedName(name)) {
            return "A header name has a control character or an unassigned one.";
        }
        if (!isAllowedValue(value)) {
            return "The header " + name + " has a control character (other than a tab) or an unassigned one.";
        }
        return null;
    }

    /** Assigned characters, no control character. */
    static boolean isAllowedName(CharSequence name) {
        return assignedWithoutControls(name, false);
    }

    /** Assigned characters, no control character but the tab. */
    static boolean isAllowedValue(CharSequence value) {
        return assignedWithoutControls(value, true);
    }

    private static boolean assignedWithoutControls(CharSequence text, boolean tabAllowed) {
        if (text == null) {
            // a header without a value, as Spring Security's own rules have it
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
