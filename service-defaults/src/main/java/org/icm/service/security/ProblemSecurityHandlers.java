package org.icm.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.icm.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, keeping the {@code WWW-Authenticate} header that the bearer-token
 * handlers of Spring Security write (RFC 6750).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
        bearerEntryPoint.commence(request, response, exception);
        Problems.write(response, HttpStatus.UNAUTHORIZED, URI.create(Problems.TYPE_BASE + "unauthenticated"),
                "Sign-in required", "This request needs a valid access token.", request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) throws IOException {
        bearerAccessDenied.handle(request, response, exception);
        Problems.write(response, HttpStatus.FORBIDDEN, URI.create(Problems.TYPE_BASE + "forbidden"),
                "Not allowed", "Your account's roles do not allow this request.", request.getRequestURI());
    }
}
