package org.icm.web.briefing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.icm.web.gateway.Gateway;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A meeting's briefing as the policy service answers it (unknown fields are ignored, so the service may add some).
 * Kinds stay strings: the page says them in words ({@code dossierChange.*}, {@code calendarKind.*}), and a kind the
 * service adds later still reads in plain words.
 */
public final class Briefings {

    private Briefings() {
    }

    /** A run of a recommendation's words: kept ({@code equal}), removed ({@code deleted}) or added ({@code inserted}). */
    public record Word(String change, String text) {

        public boolean deleted() {
            return "deleted".equals(change);
        }

        public boolean inserted() {
            return "inserted".equals(change);
        }
    }

    /**
     * One change recorded on a dossier in the period, as its history tells it. {@code lateNews}: recorded in the period
     * but effective before it began. {@code words}: a recommendation's new text compared with the one before, or null.
     * {@code diff} is the policy service's own path; the page links to its own pages instead ({@link #changePage},
     * {@link #dossierPage}).
     */
    public record Item(long sequence, Instant recordedAt, String kind, String summary, boolean correction, String reason, LocalDate effectiveDate,
                       boolean lateNews, String measureId, String recommendationId, List<Word> words, String diff) {

        public List<Word> words() {
            return words == null ? List.of() : words;
        }

        public boolean hasWords() {
            return !words().isEmpty();
        }

        public boolean hasReason() {
            return reason != null && !reason.isBlank();
        }

        /**
         * The analysts' page of what this change made differ: the dossier just before it and just after it. The instants
         * are {@code datetime-local} values (UTC, to the millisecond), so the page's form shows them: the change's instant
         * rounded up to its millisecond, and the millisecond before.
         */
        public String changePage(String dossierId) {
            Instant millis = recordedAt.truncatedTo(ChronoUnit.MILLIS);
            Instant to = millis.equals(recordedAt) ? millis : millis.plusMillis(1);
            return UriComponentsBuilder.fromPath("/dossiers/" + Gateway.segment(dossierId) + "/history/diff")
                    .queryParam("from", picker(to.minusMillis(1))).queryParam("to", picker(to)).build().toUriString();
        }

        /** The dossier's public page, at the measure or the recommendation the change is about. */
        public String dossierPage(String dossierId) {
            String page = "/dossiers/" + Gateway.segment(dossierId);
            if (recommendationId != null) {
                return page + "#recommendation-" + Gateway.segment(recommendationId);
            }
            return measureId != null ? page + "#measure-" + Gateway.segment(measureId) : page;
        }

        private static String picker(Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
        }
    }

    /**
     * A dossier with what was recorded on it in the period, in the order it was recorded. {@code listedFor}: {@code AGENDA}
     * for a dossier on the meeting's agenda, {@code FOLLOWED} for one the reader follows that is not on it.
     */
    public record DossierChanges(String dossierId, String title, String listedFor, List<Item> items) {

        public List<Item> items() {
            return items == null ? List.of() : items;
        }

        public boolean followed() {
            return "FOLLOWED".equals(listedFor);
        }
    }

    /** A member's subscription as the notification service answers it: only the dossiers they follow are read here. */
    public record Subscription(Set<String> dossiers) {

        public Set<String> dossiers() {
            return dossiers == null ? Set.of() : dossiers;
        }
    }

    /** The meeting the period starts from. */
    public record PreviousMeeting(String id, String title, Instant startsAt, Instant endsAt) {
    }

    /** An EU event (its date is its start) or a consultation (its date is its deadline) the network first heard of in the period. */
    public record CalendarItem(String id, String kind, String title, Instant date, String link, List<String> dossierIds, Instant firstHeardAt) {

        public List<String> dossierIds() {
            return dossierIds == null ? List.of() : dossierIds;
        }

        public boolean consultation() {
            return "CONSULTATION".equals(kind);
        }

        /** The link when it is a web address; anything else (a {@code javascript:} one) is not offered. */
        public String webLink() {
            if (link == null) {
                return null;
            }
            String lower = link.strip().toLowerCase(Locale.ROOT);
            return lower.startsWith("https://") || lower.startsWith("http://") ? link.strip() : null;
        }
    }

    /**
     * @param since           the start of the period: the end of the previous meeting, or the reader's date
     * @param previousMeeting the meeting it starts from; null when the reader chose the date or there was none
     * @param asOf            the instant it is known at, for analysts; null: now
     */
    public record Briefing(String meetingId, String title, Instant startsAt, String timeZone, Instant since, PreviousMeeting previousMeeting,
                           Instant asOf, List<DossierChanges> dossiers, List<CalendarItem> calendar) {

        public List<DossierChanges> dossiers() {
            return dossiers == null ? List.of() : dossiers;
        }

        /** The dossiers on the meeting's agenda. */
        public List<DossierChanges> agendaDossiers() {
            return dossiers().stream().filter(d -> !d.followed()).toList();
        }

        /** The dossiers the reader follows that are not on the agenda, by title. */
        public List<DossierChanges> followedDossiers() {
            return dossiers().stream().filter(DossierChanges::followed)
                    .sorted(Comparator.comparing(DossierChanges::title, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))).toList();
        }

        public List<CalendarItem> calendar() {
            return calendar == null ? List.of() : calendar;
        }

        /** The titles of the dossiers an EU event or a consultation is about (its id for one the briefing does not have). */
        public String dossierTitles(CalendarItem item) {
            return item.dossierIds().stream().map(this::dossierTitle).collect(Collectors.joining("; "));
        }

        private String dossierTitle(String dossierId) {
            return dossiers().stream().filter(d -> d.dossierId().equals(dossierId)).map(DossierChanges::title).findFirst().orElse(dossierId);
        }
    }

    /** A meeting as the events service names it: for the page that says its briefing is not ready yet. */
    public record MeetingName(String id, String title) {
    }
}
