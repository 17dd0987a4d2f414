/**
 * The audit trail: {@link app.tandem.audit.AuditTrail} writes who changed what, old → new, in each change's
 * transaction; {@link app.tandem.audit.AuditLog} reads it. Who may read which part is decided where it is shown: the
 * admin's log in identity, an objective's history in okr.
 */
package app.tandem.audit;
