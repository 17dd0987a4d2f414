/**
 * The coach's rules (SPEC §1 Coach) in plain Java: each rule a small class with its id, severity,
 * message and hint, judging snapshots of objectives, key results and KPIs as written, so that the
 * API (over the database) and {@code lint} (over a file, without one) run the same rules. No Spring,
 * SQL or web types (an ArchUnit test keeps it so).
 */
@org.springframework.modulith.NamedInterface("domain")
package app.tandem.coach.domain;
