package org.icm.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.icm.kernel.vocabulary.PolicyArea;
import org.icm.notification.routing.Audience;
import org.icm.notification.routing.Happening;
import org.icm.notification.routing.Kind;
import org.icm.notification.wording.Story;
import org.junit.jupiter.api.Test;

/** Which happenings a subscription wants, without Spring. */
class SubscriptionTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theDefaultsWantEveryKindAboutAnything() {
        Subscription defaults = Subscription.defaults("a");

        assertThat(defaults.wants(stage("d-1", PolicyArea.ASYLUM, Set.of()))).isTrue();
        assertThat(defaults.by(Channel.IN_APP)).isTrue();
        assertThat(defaults.by(Channel.EMAIL)).isTrue();
        assertThat(defaults.emailRhythm()).isEqualTo(Rhythm.DAILY_DIGEST);
    }

    @Test
    void aNarrowedSubscriptionWantsWhatMatchesADossierAnAreaOrARight() {
        Subscription narrowed = new Subscription("a", EnumSet.of(Kind.MEASURE_STAGE_CHANGED), Set.of("d-1"), Set.of(PolicyArea.RETURN),
                Set.of("CRC-37"), Set.of(), Set.of(Channel.IN_APP), Rhythm.IMMEDIATE, null);

        assertThat(narrowed.wants(stage("d-1", PolicyArea.HEALTH, Set.of()))).as("followed dossier").isTrue();
        assertThat(narrowed.wants(stage("d-2", PolicyArea.RETURN, Set.of()))).as("followed area").isTrue();
        assertThat(narrowed.wants(stage("d-3", PolicyArea.HEALTH, Set.of("CRC-37")))).as("followed right").isTrue();
        assertThat(narrowed.wants(stage("d-4", PolicyArea.HEALTH, Set.of("CRC-3")))).as("nothing followed").isFalse();
        assertThat(narrowed.wants(new Happening("h", false, Kind.BULLETIN_POSTED, Audience.MEMBERS, null, Story.of("bulletin.posted"), "/b", null, null, List.of(),
                Set.of(), Set.of(), Set.of(), Set.of(), AT))).as("a kind not chosen").isFalse();
    }

    @Test
    void countriesNarrowNationalFactsAndNothingThatHappensInNoParticularCountry() {
        Subscription greece = new Subscription("a", EnumSet.allOf(Kind.class), Set.of(), Set.of(), Set.of(), Set.of("GR"),
                Set.of(Channel.IN_APP), Rhythm.IMMEDIATE, null);
        Subscription greeceOnOneDossier = new Subscription("a", EnumSet.allOf(Kind.class), Set.of("d-1"), Set.of(), Set.of(), Set.of("GR"),
                Set.of(Channel.IN_APP), Rhythm.IMMEDIATE, null);

        assertThat(greece.wants(national("d-1", "GR"))).as("a fact of the followed country").isTrue();
        assertThat(greece.wants(national("d-1", "FR"))).as("a fact of another country").isFalse();
        assertThat(greece.wants(stage("d-1", PolicyArea.ASYLUM, Set.of()))).as("an EU procedure step happens in no country").isTrue();
        assertThat(greeceOnOneDossier.wants(national("d-1", "GR"))).as("followed country, followed dossier").isTrue();
        assertThat(greeceOnOneDossier.wants(national("d-1", "FR"))).as("followed dossier, another country").isFalse();
        assertThat(greeceOnOneDossier.wants(national("d-2", "GR"))).as("followed country, another dossier").isFalse();
        assertThat(Subscription.defaults("a").wants(national("d-1", "FR"))).as("no country followed: every country").isTrue();
    }

    @Test
    void unsubscribingFromMailKeepsTheFeed() {
        Subscription without = Subscription.defaults("a").withoutEmail();

        assertThat(without.channels()).containsExactly(Channel.IN_APP);
        assertThat(without.kinds()).isEqualTo(Subscription.defaults("a").kinds());
    }

    private static Happening national(String dossier, String country) {
        return new Happening("h", false, Kind.NATIONAL_IMPLEMENTATION, Audience.EVERYONE, null, Story.of("national.measure"), "/dossiers/" + dossier,
                dossier, "T", List.of(dossier), Set.of(PolicyArea.RECEPTION), Set.of(), Set.of(country), Set.of(), AT);
    }

    private static Happening stage(String dossier, PolicyArea area, Set<String> rights) {
        return new Happening("h", false, Kind.MEASURE_STAGE_CHANGED, Audience.EVERYONE, null, Story.of("measure.moved"), "/dossiers/" + dossier, dossier, "T",
                List.of(dossier), Set.of(area), rights, Set.of(), Set.of(), AT);
    }
}
