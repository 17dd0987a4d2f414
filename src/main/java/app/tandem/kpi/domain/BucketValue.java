package app.tandem.kpi.domain;

import java.time.Instant;

/** One bucket of a series: [start, end), end being the start of the next bucket; value null for a gap. */
public record BucketValue(Instant start, Instant end, Double value, int count) {
}
