package org.icm.notification.subscription;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.notification.directory.Account;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Kind;
import org.icm.notification.wording.Wording;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one account wants to hear about, and how. Dossiers, policy areas and rights narrow what is followed; when all
 * three are empty the account follows everything of the kinds it chose. Countries narrow the national facts it hears
 * of (a member state's national measures, transposition and infringements), whatever it follows otherwise: following
 * only GR, an account hears of Greece's national facts and of nothing done in France, and still of what happens at EU
 * level (a procedure step, a meeting), which happens in no particular country.
 *
 * @param countries the member states followed (ISO 3166-1 alpha-2, GR for Greece); empty: every country
 * @param language  the language its mails are written in (en, fr); null for the language the person signed up in
 */
@Document("subscriptions")
public record Subscription(@Id String accountId, Set<Kind> kinds, Set<String> dossiers, Set<PolicyArea> policyAreas,
                           Set<String> rights, Set<String> countries, Set<Channel> channels, Rhythm emailRhythm, String language) {

    public Subscription {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        dossiers = dossiers == null ? Set.of() : Set.copyOf(dossiers);
        policyAreas = policyAreas == null ? Set.of() : Set.copyOf(policyAreas);
        rights = rights == null ? Set.of() : Set.copyOf(rights);
        // documents written before countries were followed have none: every country
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        emailRhythm = emailRhythm == null ? Rhythm.DAILY_DIGEST : emailRhythm;
    }

    /**
     * A new account hears of every kind of happening (the audience rules still decide what it may see), in the app at
     * once, and by e-mail in one daily digest so that mail never floods.
     */
    public static Subscription defaults(String accountId) {
        return new Subscription(accountId, EnumSet.allOf(Kind.class), Set.of(), Set.of(), Set.of(), Set.of(),
                EnumSet.of(Channel.IN_APP, Channel.EMAIL), Rhythm.DAILY_DIGEST, null);
    }

    public boolean wants(Happening happening) {
        return kinds.contains(happening.kind()) && followsWhatItIsAbout(happening) && followsWhereItHappened(happening);
    }

    /** True when no dossier, area or right narrows what is followed (countries may still narrow national facts). */
    public boolean followsEverything() {
        return dossiers.isEmpty() && policyAreas.isEmpty() && rights.isEmpty();
    }

    private boolean followsWhatItIsAbout(Happening happening) {
        if (followsEverything() || happening.aboutNothingInParticular()) {
            return true;
        }
        return happening.dossierIds().stream().anyMatch(dossiers::contains)
                || happening.policyAreas().stream().anyMatch(policyAreas::contains)
                || happening.rights().stream().anyMatch(rights::contains);
    }

    /**
     * A national fact (a happening in a country) is wanted in a followed country only, when countries are followed; what
     * happens in no particular country is not narrowed by them, or following Greece would silence every EU procedure.
     */
    private boolean followsWhereItHappened(Happening happening) {
        return countries.isEmpty() || happening.countries().isEmpty() || happening.countries().stream().anyMatch(countries::contains);
    }

    /** The language of the account's mails: the one it chose, else the one it signed up in, else English. */
    public Locale languageFor(Account account) {
        return Wording.language(language != null ? language : account.language());
    }

    public boolean by(Channel channel) {
        return channels.contains(channel);
    }

    public Subscription withoutEmail() {
        Set<Channel> remaining = EnumSet.noneOf(Channel.class);
        remaining.addAll(channels);
        remaining.remove(Channel.EMAIL);
        return new Subscription(accountId, kinds, dossiers, policyAreas, rights, countries, remaining, emailRhythm, language);
    }
}
