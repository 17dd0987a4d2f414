/**
 * The weekly check-in screen: every key result a person owns that is due a check-in and every KPI they owe a value
 * or a review, on one page, each checked in where it stands; a lead sees their teams' as well.
 */
package app.tandem.checkins;
