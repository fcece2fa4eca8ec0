package org.icm.web.analyst;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.web.pages.Policy;

/**
 * Each measure's stages over time, drawn as SVG by the server (no script, no inline style): one row per measure, one
 * dot per recorded step, placed by date on a shared axis and by stage on the row's height. The same figures are in the
 * table beside it for people who do not see the chart.
 */
public record StageChart(int width, int rowHeight, LocalDate first, LocalDate last, List<Row> rows, List<Tick> ticks) {

    static final int WIDTH = 640;
    static final int ROW_HEIGHT = 90;
    static final int LEFT = 10;

    public record Point(int x, int y, String stage, LocalDate date) {
    }

    public record Row(String title, int top, List<Point> points, String path) {
    }

    public record Tick(int x, int year) {
    }

    public int height() {
        return rows.size() * rowHeight + 24;
    }

    static StageChart of(List<Policy.Measure> measures) {
        List<LocalDate> dates = measures.stream().flatMap(m -> m.steps() == null ? java.util.stream.Stream.empty() : m.steps().stream())
                .map(Policy.Step::effectiveDate).filter(Objects::nonNull).sorted().toList();
        if (dates.isEmpty()) {
            return new StageChart(WIDTH, ROW_HEIGHT, null, null, List.of(), List.of());
        }
        LocalDate first = dates.getFirst();
        LocalDate last = dates.getLast().isAfter(first) ? dates.getLast() : first.plusDays(1);
        long span = ChronoUnit.DAYS.between(first, last);
        int stages = ProcedureStage.values().length;
        List<Row> rows = new ArrayList<>();
        int top = 0;
        for (Policy.Measure measure : measures) {
            List<Point> points = new ArrayList<>();
            List<Policy.Step> steps = measure.steps() == null ? List.of() : measure.steps().stream()
                    .filter(s -> s.effectiveDate() != null && s.stage() != null)
                    .sorted(Comparator.comparing(Policy.Step::effectiveDate)).toList();
            StringBuilder path = new StringBuilder();
            for (Policy.Step step : steps) {
                int x = LEFT + (int) ((WIDTH - 2 * LEFT) * ChronoUnit.DAYS.between(first, step.effectiveDate()) / Math.max(1, span));
                int y = top + ROW_HEIGHT - 10 - (ROW_HEIGHT - 30) * ProcedureStage.valueOf(step.stage()).ordinal() / (stages - 1);
                points.add(new Point(x, y, step.stage(), step.effectiveDate()));
                path.append(path.isEmpty() ? "M" : " L").append(x).append(' ').append(y);
            }
            rows.add(new Row(measure.title(), top, points, path.toString()));
            top += ROW_HEIGHT;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
            LocalDate jan = LocalDate.of(year, 1, 1);
            ticks.add(new Tick(LEFT + (int) ((WIDTH - 2 * LEFT) * ChronoUnit.DAYS.between(first, jan) / Math.max(1, span)), year));
        }
        return new StageChart(WIDTH, ROW_HEIGHT, first, last, rows, ticks);
    }
}
