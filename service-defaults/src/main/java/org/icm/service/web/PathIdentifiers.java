package org.icm.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.icm.service.rules.RuleViolation;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Identifiers in paths are checked before any lookup: every path variable named {@code ...Id} is at most 80 letters,
 * digits and hyphens (the platform's ids are UUIDs, a contact person's is its organisation's UUID with a suffix), so a
 * 2,000-character string, a quote, a slash or a control character never reaches an aggregate, a query or a URI, and
 * the caller gets a 400 naming the variable.
 */
public class PathIdentifiers implements HandlerInterceptor {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{1,80}");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> variable : variables.entrySet()) {
                String name = String.valueOf(variable.getKey());
                if (name.endsWith("Id") && !IDENTIFIER.matcher(String.valueOf(variable.getValue())).matches()) {
                    throw RuleViolation.invalid(name, "not-an-identifier", "is not an identifier of the platform (letters, digits and hyphens, at most 80)");
                }
            }
        }
        return true;
    }
}
