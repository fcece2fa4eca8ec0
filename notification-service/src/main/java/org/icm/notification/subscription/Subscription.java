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
 * three are empty the account follows everything of the kinds it chose.
 *
 * @param language the language its mails are written in (en, fr); null for the language the person signed up in
 */
@Document("subscriptions")
public record Subscription(@Id String accountId, Set<Kind> kinds, Set<String> dossiers, Set<PolicyArea> policyAreas,
                           Set<String> rights, Set<Channel> channels, Rhythm emailRhythm, String language) {

    public Subscription {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        dossiers = dossiers == null ? Set.of() : Set.copyOf(dossiers);
        policyAreas = policyAreas == null ? Set.of() : Set.copyOf(policyAreas);
        rights = rights == null ? Set.of() : Set.copyOf(rights);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        emailRhythm = emailRhythm == null ? Rhythm.DAILY_DIGEST : emailRhythm;
    }

    /**
     * A new account hears of every kind of happening (the audience rules still decide what it may see), in the app at
     * once, and by e-mail in one daily digest so that mail never floods.
     */
    public static Subscription defaults(String accountId) {
        return new Subscription(accountId, EnumSet.allOf(Kind.class), Set.of(), Set.of(), Set.of(),
                EnumSet.of(Channel.IN_APP, Channel.EMAIL), Rhythm.DAILY_DIGEST, null);
    }

    public boolean wants(Happening happening) {
        if (!kinds.contains(happening.kind())) {
            return false;
        }
        if (followsEverything() || happening.aboutNothingInParticular()) {
            return true;
        }
        return happening.dossierIds().stream().anyMatch(dossiers::contains)
                || happening.policyAreas().stream().anyMatch(policyAreas::contains)
                || happening.rights().stream().anyMatch(rights::contains);
    }

    public boolean followsEverything() {
        return dossiers.isEmpty() && policyAreas.isEmpty() && rights.isEmpty();
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
        return new Subscription(accountId, kinds, dossiers, policyAreas, rights, remaining, emailRhythm, language);
    }
}
