package org.icm.web.uptake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A recommendation's uptake at each text of its procedure, drawn as SVG by the server (no script, no inline style), as
 * {@link org.icm.web.analyst.StageChart} draws stages: one row per text in date order, its stage and date on the left,
 * a bar as long as the text takes the recommendation up (whole, half, a stub for not at all, none when not traced yet)
 * and the uptake written beside it, so the chart never speaks by colour or length alone. The trail below it holds the
 * same figures as text.
 */
public record UptakeChart(int width, int height, int barX, int barMax, List<Row> rows) {

    static final int WIDTH = 640;
    static final int ROW_HEIGHT = 40;
    static final int TOP = 8;
    static final int BAR_X = 268;
    static final int BAR_MAX = 220;
    static final int STUB = 4;

    /**
     * @param y      the row's top
     * @param uptake null when the text is not traced yet
     * @param bar    the bar's length (0: no bar)
     */
    public record Row(int y, String stage, LocalDate date, String uptake, int bar) {

        /** The baseline of the stage's name; the date goes on the line below it. */
        public int stageY() {
            return y + 16;
        }

        public int dateY() {
            return y + 32;
        }

        public int barY() {
            return y + 11;
        }

        /** The baseline of the uptake's word, level with the bar. */
        public int wordY() {
            return y + 25;
        }

        /** Where the uptake's word starts: just after the bar. */
        public int wordX() {
            return BAR_X + bar + 8;
        }

        /** The CSS class of the bar: the colour only repeats the word written beside it. */
        public String barClass() {
            return uptake == null ? "" : "bar-" + uptake.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public int barHeight() {
        return 18;
    }

    static UptakeChart of(List<Uptakes.TrailStep> steps) {
        List<Row> rows = new ArrayList<>();
        int y = TOP;
        for (Uptakes.TrailStep step : steps) {
            rows.add(new Row(y, step.stage(), step.effectiveDate(), step.uptake(), bar(step.uptake())));
            y += ROW_HEIGHT;
        }
        return new UptakeChart(WIDTH, y + TOP, BAR_X, BAR_MAX, List.copyOf(rows));
    }

    static int bar(String uptake) {
        if (uptake == null) {
            return 0;
        }
        return switch (uptake) {
            case "REFLECTED" -> BAR_MAX;
            case "PARTIALLY_REFLECTED" -> BAR_MAX / 2;
            default -> STUB;
        };
    }
}
