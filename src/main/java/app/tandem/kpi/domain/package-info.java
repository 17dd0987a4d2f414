/**
 * The KPI arithmetic of SPEC §1 in plain Java: buckets and aggregation, status per direction,
 * staleness, trend, and formulas over other KPIs. No Spring, SQL or web types.
 */
@org.springframework.modulith.NamedInterface("domain")
package app.tandem.kpi.domain;
