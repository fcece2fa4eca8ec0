package org.icm.service.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** problem+json for every error a service's controllers raise, refused commands ({@code RuleViolation}) included. */
/* before Boot's own problem-details handler, which steps back when one exists */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, RuleViolationProblemsAdvice.class})
public class IcmWebAutoConfiguration {
}
