package app.tandem.kpi.domain;

/** Where a KPI's latest period value stands against its target or range. */
public enum KpiStatus {
	GREEN, AMBER, RED, NO_DATA
}
