package org.icm.web.pages;

import java.util.List;

/** What the membership service answers, as the pages read it. */
public final class Membership {

    private Membership() {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record CountryName(String code, String name) {
    }

    public record Contact(String name, String email, String phone) {
    }

    public record Organisation(String id, String name, String acronym, String kind, String scope, List<CountryName> countries, String focus,
                               List<String> expertise, List<String> advocacyTargets, String website, String status, String statusReason,
                               boolean focalPoint, Contact contact, long version) {
    }

    public record Partner(String id, String name, String acronym, String focus, String scope, List<String> countries, int score,
                          List<String> reasons) {
    }
}
