package app.tandem.coach.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import app.tandem.shared.Finding;

/**
 * KPI-003: a KPI reviewed every n days whose last review (or, never reviewed, its definition) is
 * more than n days old. A KPI without {@code reviewEveryDays} has no review schedule to be behind
 * on; one whose last review is later than the instant judged at (an "as of" read) cannot tell.
 */
public final class KpiReviewOverdue implements KpiRule {

	@Override
	public String id() {
		return "KPI-003";
	}

	@Override
	public Finding.Severity severity() {
		return Finding.Severity.WARNING;
	}

	@Override
	public void check(KpiSnapshot kpi, CoachContext context, List<Finding> findings) {
		Instant now = context.now();
		Integer every = kpi.reviewEveryDays();
		Instant since = kpi.lastReviewedAt() != null ? kpi.lastReviewedAt() : kpi.createdAt();
		if (now == null || every == null || every < 1 || since == null || since.isAfter(now)) {
			return;
		}
		if (since.plus(Duration.ofDays(every)).isBefore(now)) {
			String last = kpi.lastReviewedAt() != null ? "last reviewed " + day(kpi.lastReviewedAt())
					: "never reviewed since it was defined on " + day(kpi.createdAt());
			findings.add(finding(Finding.SubjectType.KPI, kpi.id(),
					"KPI " + Words.quoted(kpi.label()) + " is overdue for review: " + last + ", due every " + every
							+ " day" + (every == 1 ? "" : "s"),
					"Review it with its team (is it still the right measure, is the target still right?) and record"
							+ " the review (lastReviewedAt).")
				.withVariant(kpi.lastReviewedAt() != null ? "reviewed" : "neverReviewed")
				.withArgs(Words.text(kpi.label()),
						day(kpi.lastReviewedAt() != null ? kpi.lastReviewedAt() : kpi.createdAt()), every));
		}
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}
}
