package org.icm.membership.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.icm.kernel.vocabulary.Country;
import org.icm.kernel.vocabulary.OrganisationFocus;
import org.icm.kernel.vocabulary.OrganisationScope;
import org.icm.membership.organisation.OrganisationState;
import org.icm.membership.organisation.Profile;

/**
 * Find partners: the admitted organisations that complement a given one, ranked, each with the reasons it was
 * suggested. ICM exists to connect child-rights and migration organisations, national and European, so the score
 * is a plain sum of explicit points:
 * <ul>
 *   <li>{@value #COMPLEMENTARY_FOCUS} for the other focus (child rights and migration), {@value #PARTLY_COMPLEMENTARY}
 *       when one of the two works on both;</li>
 *   <li>{@value #SAME_COUNTRY} for working in the same country;</li>
 *   <li>{@value #EUROPEAN_LINK} for a European organisation linking a national one to EU advocacy;</li>
 *   <li>{@value #SHARED_TAG} for each shared expertise or advocacy target.</li>
 * </ul>
 * Two national organisations of different countries are not suggested, nor is an organisation that shares nothing
 * (score 0). Ties go by name.
 */
public final class Partners {

    static final int COMPLEMENTARY_FOCUS = 3;
    static final int PARTLY_COMPLEMENTARY = 1;
    static final int SAME_COUNTRY = 2;
    static final int EUROPEAN_LINK = 1;
    static final int SHARED_TAG = 1;

    private Partners() {
    }

    /** One suggested partner, its score and why. */
    public record Suggestion(OrganisationState organisation, int score, List<String> reasons) {
    }

    public static List<Suggestion> suggest(OrganisationState seeker, List<OrganisationState> candidates) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (OrganisationState candidate : candidates) {
            if (candidate.id().equals(seeker.id())) {
                continue;
            }
            Suggestion suggestion = score(seeker.profile(), candidate);
            if (suggestion != null) {
                suggestions.add(suggestion);
            }
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparing(s -> s.organisation().name().toLowerCase(Locale.ROOT)));
        return suggestions;
    }

    static Suggestion score(Profile seeker, OrganisationState candidate) {
        Profile other = candidate.profile();
        List<String> sharedCountries = other.countries().stream().filter(seeker.countries()::contains).toList();
        if (seeker.scope() == OrganisationScope.NATIONAL && other.scope() == OrganisationScope.NATIONAL && sharedCountries.isEmpty()) {
            return null;
        }
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (complementary(seeker.focus(), other.focus())) {
            score += COMPLEMENTARY_FOCUS;
            reasons.add("works on " + words(other.focus()) + ", you on " + words(seeker.focus()));
        } else if (seeker.focus() != other.focus() ) {
            score += PARTLY_COMPLEMENTARY;
            reasons.add("works on " + words(other.focus()) + ", you on " + words(seeker.focus()));
        }
        if (!sharedCountries.isEmpty()) {
            score += SAME_COUNTRY;
            reasons.add("also works in " + String.join(", ", sharedCountries.stream().map(code -> new Country(code).name()).toList()));
        }
        if (other.scope() == OrganisationScope.EUROPEAN && seeker.scope() == OrganisationScope.NATIONAL) {
            score += EUROPEAN_LINK;
            reasons.add("a European " + (other.kind() == null ? "organisation" : other.kind().name().toLowerCase(Locale.ROOT))
                    + " that links national work to EU advocacy");
        }
        List<String> expertise = shared(seeker.expertise(), other.expertise());
        if (!expertise.isEmpty()) {
            score += SHARED_TAG * expertise.size();
            reasons.add("shared expertise: " + String.join(", ", expertise));
        }
        List<String> targets = shared(seeker.advocacyTargets(), other.advocacyTargets());
        if (!targets.isEmpty()) {
            score += SHARED_TAG * targets.size();
            reasons.add("same advocacy targets: " + String.join(", ", targets));
        }
        return score == 0 ? null : new Suggestion(candidate, score, List.copyOf(reasons));
    }

    private static boolean complementary(OrganisationFocus a, OrganisationFocus b) {
        return a == OrganisationFocus.CHILD_RIGHTS && b == OrganisationFocus.MIGRATION
                || a == OrganisationFocus.MIGRATION && b == OrganisationFocus.CHILD_RIGHTS;
    }

    private static String words(OrganisationFocus focus) {
        return switch (focus) {
            case CHILD_RIGHTS -> "child rights";
            case MIGRATION -> "migration";
            case BOTH -> "child rights and migration";
        };
    }

    private static List<String> shared(List<String> mine, List<String> theirs) {
        return theirs.stream().filter(tag -> mine.stream().anyMatch(tag::equalsIgnoreCase)).toList();
    }
}
