/**
 * KPIs: definitions with their context (today: kept from OKRs-as-code files and linked from key
 * results; measurements, status and formulas come with the KPI capability).
 */
package app.tandem.kpi;
