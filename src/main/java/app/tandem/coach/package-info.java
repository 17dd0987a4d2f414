/**
 * The coach (SPEC §1 Coach): how well OKRs and KPIs are written. Runs the rules of
 * {@code coach.domain} over a cycle ({@code GET /api/v1/coach}) and, through the small interfaces
 * the okr and kpi modules declare, over each objective and KPI they answer with. Reads those
 * modules' public reads only.
 */
package app.tandem.coach;
