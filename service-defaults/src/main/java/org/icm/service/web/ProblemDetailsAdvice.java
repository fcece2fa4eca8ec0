package org.icm.service.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Bad input is answered with a problem+json that says which field is wrong and why, in an
 * {@code errors} list of {@code {field, reason, code}}; nothing is changed. The reason is an English sentence; the
 * code is stable, so a client can say it in its user's language.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** One wrong field of a request: the reason in words and its stable code ({@code not-blank}, {@code too-long}, ...). */
    public record FieldProblem(String field, String reason, String code) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), reason(error), code(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value of the wrong type, or a number beyond its type's range (a read error, not a binding one), still names its field
        if (exception.getCause() instanceof JacksonException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, "has a value of the wrong form", "wrong-form"))));
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request",
                "The request body is not valid JSON for this operation.");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.stream().map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The constraint's name in the codes' own spelling: NotBlank is {@code not-blank}. */
    private static String code(FieldError error) {
        return error.getCode() == null ? "invalid" : error.getCode().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }
}
