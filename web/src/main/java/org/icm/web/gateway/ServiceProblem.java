package org.icm.web.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service's refusal (RFC 9457 problem+json) as the pages show it: the summary at the top of the form and each
 * field's reason next to that field, in the page's language when the refusal's code has a translation; otherwise in the
 * service's English, which {@link #isEnglish(String)} tells the page to mark {@code lang="en"}.
 */
public class ServiceProblem extends RuntimeException {

    public record FieldProblem(String field, String reason) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldProblem> errors;
    private final Set<String> english;

    public ServiceProblem(int status, String type, String title, String detail, List<FieldProblem> errors) {
        this(status, type, title, detail, errors, Set.of());
    }

    /** {@code english}: the texts of this problem left in the service's English (not translated). */
    public ServiceProblem(int status, String type, String title, String detail, List<FieldProblem> errors, Set<String> english) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.english = Set.copyOf(english);
    }

    /** Whether this text of the problem is the service's English, for {@code lang="en"} on a page in another language. */
    public boolean isEnglish(String text) {
        return text != null && english.contains(text);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Field name -> reason, for {@code th:if="${fieldErrors['name']}"} next to each input. */
    public Map<String, String> fieldErrors() {
        return errors.stream().filter(e -> e.field() != null)
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::reason, (a, b) -> a + "; " + b));
    }

    /** The reason given for one field, also when the service names a nested path ({@code contact.email}). */
    public Optional<String> reasonFor(String field) {
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldProblem::reason).findFirst();
    }

    /** What to tell the person at the top of the form. */
    public String summary() {
        return detail != null && !detail.isBlank() ? detail : title;
    }
}
