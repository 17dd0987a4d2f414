/**
 * The OKR arithmetic of SPEC §1 in plain Java: progress, expected progress, status, score and the
 * roll-up over the alignment tree. No Spring, SQL or web types (an ArchUnit test keeps it so).
 */
@org.springframework.modulith.NamedInterface("domain")
package app.tandem.okr.domain;
