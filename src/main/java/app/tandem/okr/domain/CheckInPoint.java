package app.tandem.okr.domain;

import java.time.Instant;

/** A check-in's value at its instant: a point that a forecast's line goes through. */
public record CheckInPoint(Instant at, double value) {
}
