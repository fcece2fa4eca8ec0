package org.icm.web.countries;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import org.icm.web.gateway.Gateway;
import org.icm.web.gateway.ServiceProblem;
import org.icm.web.pages.Labels;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The countries whose national implementation the network follows, as policy-service lists them: the one place pages ask. */
@Component
public class FollowedCountries {

    private final Gateway gateway;
    private final Labels labels;

    public FollowedCountries(Gateway gateway, Labels labels) {
        this.gateway = gateway;
        this.labels = labels;
    }

    /** Their codes, by their names in the page's language. */
    public List<String> byName() {
        Collator byName = Collator.getInstance(LocaleContextHolder.getLocale());
        return gateway.get(gateway.uri("/api/policy/countries"), new ParameterizedTypeReference<List<National.Country>>() { }).stream()
                .map(National.Country::code).sorted(Comparator.comparing(labels::country, byName)).toList();
    }

    /** As {@link #byName()}, or none when the policy service cannot list them: a filter or a choice a page can do without. */
    public List<String> byNameOrNone() {
        try {
            return byName();
        } catch (ServiceProblem unavailable) {
            return List.of();
        }
    }
}
