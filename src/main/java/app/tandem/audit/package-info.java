/** Reading the audit trail (it is written by shared.AuditTrail in each change's transaction). */
package app.tandem.audit;
