package app.tandem.kpi;

import java.util.List;
import java.util.UUID;

/**
 * An ingestion stored values of these KPIs (directly, or of KPIs their formulas use), and key results are measured
 * by them: published in the ingestion's transaction, handled after it commits ({@link AfterIngestion#on}).
 *
 * @param ingestionId names the check-ins the reaction writes, so that running it again writes none
 */
record KpiValuesChanged(UUID ingestionId, List<UUID> kpiIds) {
}
