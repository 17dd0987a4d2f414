/**
 * How ready an organisation is for OKRs, and how healthy a team's OKRs are: the readiness assessment (a
 * questionnaire answered now and then, scored per practice, kept with its history) and the health score computed
 * from a team's own data in a cycle (check-ins, the coach's findings, alignment, KPI freshness, confidence). Reads
 * the okr, kpi and identity modules' public reads only; the objectives' findings are the coach's.
 */
package app.tandem.assessment;
