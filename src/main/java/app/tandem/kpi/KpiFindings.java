package app.tandem.kpi;

import java.util.List;
import java.util.Map;

import app.tandem.shared.Finding;

/**
 * What the coach says about KPIs: implemented by the coach module, which is built on this one (so
 * this one cannot call it directly). Without an implementation KPIs carry no findings.
 */
public interface KpiFindings {

	/** The findings about each KPI (not about its team: KPI-001 is the team's), by KPI id. */
	Map<String, List<Finding>> of(List<KpiView> kpis);
}
