package org.icm.policy.history;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Word-level differences between two texts, for recommendation revisions. */
public final class WordDiff {

    /** A run of words that both texts share ({@code equal}), or that only the old ({@code deleted}) or new ({@code inserted}) has. */
    public record Segment(String change, String text) {
    }

    private WordDiff() {
    }

    public static List<Segment> between(String from, String to) {
        List<String> before = words(from);
        List<String> after = words(to);
        List<Segment> segments = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after, true).getDeltas()) {
            switch (delta.getType()) {
                case EQUAL -> segments.add(new Segment("equal", String.join(" ", delta.getSource().getLines())));
                case DELETE -> segments.add(new Segment("deleted", String.join(" ", delta.getSource().getLines())));
                case INSERT -> segments.add(new Segment("inserted", String.join(" ", delta.getTarget().getLines())));
                case CHANGE -> {
                    segments.add(new Segment("deleted", String.join(" ", delta.getSource().getLines())));
                    segments.add(new Segment("inserted", String.join(" ", delta.getTarget().getLines())));
                }
            }
        }
        return segments;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }
}
