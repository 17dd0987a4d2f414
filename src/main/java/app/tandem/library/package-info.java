/**
 * Good examples to start from: the KPI library ({@code resources/library/kpis.yaml}), checked when Tandem starts
 * by the KPI module's own rules, browsable by function and perspective, and adopted for a team through the KPI
 * module's create service (a formula KPI brings the inputs the organisation lacks, in the same transaction).
 */
package app.tandem.library;
